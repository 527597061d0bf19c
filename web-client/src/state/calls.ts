// Pure call-list model: the calls, their status flags and the focused call.
export type CallStatus = 'incoming' | 'calling' | 'ringing' | 'connected' | 'ended' | 'error';
export type HoldState = 'none' | 'local' | 'remote' | 'both';
export type TransferState = 'none' | 'progress' | 'success' | 'failure';
export type QualityColor = 'green' | 'orange' | 'red' | 'grey';

export interface CallInfo {
  id: string;
  direction: 'incoming' | 'outgoing';
  remote: string;
  remoteName: string;
  status: CallStatus;
  localHold: boolean;
  remoteHold: boolean;
  muted: boolean;
  transfer: TransferState;
  video: boolean;
  videoPaused: boolean;
  screen: boolean;
  conference: boolean;
  quality: QualityColor;
  earlyMedia: boolean;
  redirectedTo: string;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  reason: string;
}

export interface CallList {
  calls: CallInfo[];
  focusedId: string | null;
}

export const emptyCallList = (): CallList => ({ calls: [], focusedId: null });

export function newCall(id: string, direction: 'incoming' | 'outgoing', remote: string,
                        remoteName = '', now = Date.now()): CallInfo {
  return {
    id, direction, remote, remoteName,
    status: direction === 'incoming' ? 'incoming' : 'calling',
    localHold: false, remoteHold: false, muted: false, transfer: 'none',
    video: false, videoPaused: false, screen: false, conference: false,
    quality: 'grey', earlyMedia: false, redirectedTo: '',
    startedAt: now, answeredAt: null, endedAt: null, reason: '',
  };
}

export const isActive = (c: CallInfo): boolean => c.status !== 'ended' && c.status !== 'error';

export function holdState(c: Pick<CallInfo, 'localHold' | 'remoteHold'>): HoldState {
  if (c.localHold && c.remoteHold) return 'both';
  if (c.localHold) return 'local';
  if (c.remoteHold) return 'remote';
  return 'none';
}

/** Adds a call and focuses it (a new outgoing or incoming call takes the focus). */
export function addCall(list: CallList, call: CallInfo): CallList {
  if (list.calls.some(c => c.id === call.id)) return list;
  return { calls: [...list.calls, call], focusedId: call.id };
}

export function getCall(list: CallList, id: string | null): CallInfo | undefined {
  return id == null ? undefined : list.calls.find(c => c.id === id);
}

export function focused(list: CallList): CallInfo | undefined {
  return getCall(list, list.focusedId);
}

export function focus(list: CallList, id: string): CallList {
  return list.calls.some(c => c.id === id) ? { ...list, focusedId: id } : list;
}

function refocus(calls: CallInfo[], current: string | null): string | null {
  const cur = calls.find(c => c.id === current);
  if (cur && isActive(cur)) return current;
  const active = calls.filter(isActive);
  if (active.length) return active[active.length - 1].id;
  return cur ? current : (calls.length ? calls[calls.length - 1].id : null);
}

export function removeCall(list: CallList, id: string): CallList {
  const calls = list.calls.filter(c => c.id !== id);
  return { calls, focusedId: refocus(calls, list.focusedId === id ? null : list.focusedId) };
}

export function updateCall(list: CallList, id: string, patch: Partial<CallInfo>): CallList {
  let changed = false;
  const calls = list.calls.map(c => {
    if (c.id !== id) return c;
    changed = true;
    return { ...c, ...patch };
  });
  return changed ? { ...list, calls } : list;
}

const ORDER: Record<CallStatus, number> = {
  incoming: 0, calling: 0, ringing: 1, connected: 2, ended: 3, error: 3,
};

/** Status transitions: never back from ended/error, never from connected to ringing. */
export function canTransition(from: CallStatus, to: CallStatus): boolean {
  if (from === to) return false;
  if (from === 'ended' || from === 'error') return false;
  if (to === 'ended' || to === 'error') return true;
  return ORDER[to] > ORDER[from];
}

export function setStatus(list: CallList, id: string, status: CallStatus,
                          extra: Partial<CallInfo> = {}, now = Date.now()): CallList {
  const c = getCall(list, id);
  if (!c || !canTransition(c.status, status)) return list;
  const patch: Partial<CallInfo> = { ...extra, status };
  if (status === 'connected' && c.answeredAt == null) patch.answeredAt = now;
  if (status === 'ended' || status === 'error') {
    patch.endedAt = now;
    patch.conference = false;
    patch.screen = false;
  }
  let next = updateCall(list, id, patch);
  if (status === 'ended' || status === 'error') {
    next = { ...next, focusedId: refocus(next.calls, next.focusedId) };
  }
  return next;
}

export function setHold(list: CallList, id: string, who: 'local' | 'remote', on: boolean): CallList {
  return updateCall(list, id, who === 'local' ? { localHold: on } : { remoteHold: on });
}

export const activeCalls = (list: CallList): CallInfo[] => list.calls.filter(isActive);

/** Established calls other than `id` (targets for an attended transfer). */
export const otherEstablished = (list: CallList, id: string): CallInfo[] =>
  list.calls.filter(c => c.id !== id && c.status === 'connected');

/** "sip:bob@host" -> "bob". */
export function userPart(uri: string): string {
  const s = uri.replace(/^sips?:/i, '');
  const at = s.indexOf('@');
  return at >= 0 ? s.slice(0, at) : s;
}
