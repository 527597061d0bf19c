/**
 * Reconnection helpers for the SIP WebSocket.
 *
 * Why: after a network drop the softphone must re-register without hammering the server
 * (exponential backoff with jitter so many clients do not reconnect in lock-step) and should
 * retry at once when the browser reports the network came back or changed.
 */

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Relative spread: 0.2 means ±20 %. */
  jitter?: number;
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(opts: BackoffOptions = {}) {
    this.initialMs = opts.initialMs ?? 500;
    this.maxMs = opts.maxMs ?? 30_000;
    this.factor = opts.factor ?? 2;
    this.jitter = opts.jitter ?? 0.2;
    this.random = opts.random ?? Math.random;
  }

  /** Delay before the next attempt (ms): initial * factor^n, ± jitter, never above maxMs. */
  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * Math.pow(this.factor, this.attempt));
    if (base < this.maxMs) this.attempt++;
    const spread = base * this.jitter * (2 * this.random() - 1);
    return Math.round(Math.max(0, Math.min(this.maxMs, base + spread)));
  }

  /** Call after a successful connection. */
  reset(): void {
    this.attempt = 0;
  }
}

type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Calls onChange (debounced 500 ms) on online/offline and navigator.connection 'change'.
 * Returns an unsubscribe function.
 */
export function watchNetwork(
  onChange: () => void,
  target: Events = window,
  connection: Events | undefined = (globalThis.navigator as { connection?: Events } | undefined)?.connection,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, 500);
  };
  target.addEventListener('online', fire);
  target.addEventListener('offline', fire);
  connection?.addEventListener('change', fire);
  return () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    target.removeEventListener('online', fire);
    target.removeEventListener('offline', fire);
    connection?.removeEventListener('change', fire);
  };
}

export type NetworkAction = 'offline' | 'reconnect' | 'refresh';

/** What a network change means for the SIP connection: the browser went offline (drop the
 *  WebSocket, show not registered), came back while disconnected (reconnect, then restart
 *  ICE once registered), or changed while connected (re-REGISTER and restart ICE now). */
export function networkAction(online: boolean, transportConnected: boolean): NetworkAction {
  if (!online) return 'offline';
  return transportConnected ? 'refresh' : 'reconnect';
}

/** Calls whose ICE restart waits for signalling: a re-INVITE over a closed WebSocket fails
 *  with a transport error, and JsSIP ends the call on that. */
export class DeferredRestarts<T> {
  private waiting = new Set<T>();
  add(x: T): void { this.waiting.add(x); }
  get size(): number { return this.waiting.size; }
  /** Hands every waiting item to run (once) and forgets them. */
  flush(run: (x: T) => void): void {
    const xs = [...this.waiting];
    this.waiting.clear();
    xs.forEach(run);
  }
}

/** Delay before the next attempt to re-establish a call (INVITE/Replaces), or null to give
 *  up: 4 attempts, 3 s apart (the peer may still be reconnecting itself). */
export function recoveryRetryDelay(attempt: number, maxAttempts = 4, delayMs = 3000): number | null {
  return attempt < maxAttempts ? delayMs : null;
}
