// Call-history model (the REST entry of CONTRACT.md) and the outcome of a finished call.
import type { CallInfo } from './calls';

export type Outcome = 'answered' | 'missed' | 'rejected' | 'cancelled' | 'failed' | 'busy';

export interface HistoryEntry {
  id?: string;
  direction: 'outgoing' | 'incoming';
  peer: string;
  peerName: string;
  video: boolean;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string;
  outcome: Outcome;
  reason: string;
}

export interface EndInfo {
  /** Who ended it: 'local' (this user), 'remote', or 'system' (network, timeout). */
  originator: 'local' | 'remote' | 'system';
  statusCode?: number;
  /** JsSIP cause, e.g. 'Canceled', 'Rejected', 'Busy'. */
  cause?: string;
}

export function outcomeOf(direction: 'incoming' | 'outgoing', answered: boolean, end: EndInfo): Outcome {
  if (answered) return 'answered';
  const code = end.statusCode ?? 0;
  if (direction === 'incoming') {
    if (end.originator === 'local') return 'rejected';
    return 'missed';
  }
  if (end.originator === 'local') return 'cancelled';
  if (code === 486 || code === 600 || end.cause === 'Busy') return 'busy';
  if (code === 603 || end.cause === 'Rejected') return 'rejected';
  return 'failed';
}

const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function entryFromCall(c: CallInfo, end: EndInfo, reason: string, now = Date.now()): HistoryEntry {
  return {
    direction: c.direction,
    peer: c.remote,
    peerName: c.remoteName || '',
    video: c.video,
    startedAt: iso(c.startedAt),
    answeredAt: c.answeredAt != null ? iso(c.answeredAt) : null,
    endedAt: iso(c.endedAt ?? now),
    outcome: outcomeOf(c.direction, c.answeredAt != null, end),
    reason,
  };
}

/** Newest first, at most `limit` entries. */
export function sortHistory(items: HistoryEntry[], limit = 100): HistoryEntry[] {
  return [...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit);
}
