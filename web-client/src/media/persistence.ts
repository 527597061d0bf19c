/**
 * Remembers active calls across a page reload.
 *
 * Why: a reload (or crash) drops the WebRTC sessions; on the next start the softphone can
 * offer to call the same parties back with the same media/hold/mute state. Entries older than
 * 10 minutes are stale and ignored; anything malformed in storage is dropped, not trusted.
 */

export interface PersistedCall {
  remote: string;
  video: boolean;
  hold: boolean;
  muted: boolean;
  direction: 'incoming' | 'outgoing';
  /** Replaces header value of the dialog (RFC 3891): the call is taken over, not re-dialled. */
  replaces?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const CALLS_KEY = 'switchboard.calls';
export const CALLS_TTL_MS = 10 * 60 * 1000;

function isCall(v: unknown): v is PersistedCall {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.remote === 'string' &&
    c.remote.length > 0 &&
    typeof c.video === 'boolean' &&
    typeof c.hold === 'boolean' &&
    typeof c.muted === 'boolean' &&
    (c.direction === 'incoming' || c.direction === 'outgoing') &&
    (c.replaces === undefined || typeof c.replaces === 'string')
  );
}

const pick = (c: PersistedCall): PersistedCall => ({
  remote: c.remote,
  video: c.video,
  hold: c.hold,
  muted: c.muted,
  direction: c.direction,
  ...(c.replaces ? { replaces: c.replaces } : {}),
});

/** Saves the calls (an empty list clears). Storage errors (quota, private mode) are ignored. */
export function saveCalls(calls: PersistedCall[], storage: Store = localStorage): void {
  try {
    if (calls.length === 0) storage.removeItem(CALLS_KEY);
    else storage.setItem(CALLS_KEY, JSON.stringify({ savedAt: Date.now(), calls: calls.filter(isCall).map(pick) }));
  } catch {
    /* storage unavailable */
  }
}

/** Loads calls saved less than 10 minutes ago; returns [] for nothing, stale or junk data. */
export function loadCalls(storage: Store = localStorage): PersistedCall[] {
  let raw: string | null;
  try {
    raw = storage.getItem(CALLS_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    clearCalls(storage);
    return [];
  }
  const d = data as { savedAt?: unknown; calls?: unknown } | null;
  const age = typeof d?.savedAt === 'number' ? Date.now() - d.savedAt : NaN;
  if (!(age >= 0 && age <= CALLS_TTL_MS) || !Array.isArray(d?.calls)) {
    clearCalls(storage);
    return [];
  }
  return d.calls.filter(isCall).map(pick);
}

export function clearCalls(storage: Store = localStorage): void {
  try {
    storage.removeItem(CALLS_KEY);
  } catch {
    /* storage unavailable */
  }
}
