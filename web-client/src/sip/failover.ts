// Failover across several SIP WebSocket servers in priority order (one JsSIP socket).
//
// Why not JsSIP's socket weights: its Transport has no connect timeout (a server that accepts
// TCP but never completes the WebSocket handshake stalls it for minutes), marks a failed socket
// and skips it until all have failed (so after a failover the primary is not tried again at the
// next reconnect even when it is back), and waits its random recovery delay between single URLs.
// This socket tries every URL in priority order at each connect, each with a timeout, and only
// reports a failure to JsSIP when all of them failed; JsSIP's recovery then waits our backoff
// (jssip/transport.ts, installBackoff) before the next round.
import { Backoff } from '../media/reconnect';

/** The part of a JsSIP socket (WebSocketInterface) that this uses. */
export interface SipSocket {
  readonly url: string;
  readonly via_transport: string;
  readonly sip_uri: string;
  connect(): void;
  disconnect(): void;
  send(data: string): boolean;
  onconnect: () => void;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void;
  ondata: (data: unknown) => void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: h => clearTimeout(h as number) };

/** How long one URL may take to open its WebSocket before the next one is tried. */
export const CONNECT_TIMEOUT_MS = 4000;

export class FailoverSocket implements SipSocket {
  private readonly sockets: SipSocket[];
  private idx = 0;
  private attempt = 0; // increases per URL attempt: late events of an abandoned one are ignored
  private timer: unknown = null;
  private open = false;
  onconnect: () => void = () => {};
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => {};
  ondata: (data: unknown) => void = () => {};
  /** The URL being tried (connected false) or connected to (true); null when none. */
  onserver: (url: string | null, connected: boolean) => void = () => {};

  constructor(urls: string[], make: (url: string) => SipSocket,
              private readonly timeoutMs = CONNECT_TIMEOUT_MS, private readonly timers: Timers = realTimers) {
    if (!urls.length) throw new TypeError('no WebSocket server');
    this.sockets = urls.map(make);
  }

  // JsSIP reads these (Via transport, preloaded route) from the socket in use.
  get url(): string { return this.current.url; }
  get via_transport(): string { return this.current.via_transport; }
  get sip_uri(): string { return this.current.sip_uri; }
  private get current(): SipSocket { return this.sockets[this.idx]; }

  /** Connected to (or trying) the URL at this priority index. */
  get index(): number { return this.idx; }
  get connected(): boolean { return this.open; }

  /** A new round: the first URL in priority order, then the next ones. */
  connect(): void {
    this.abandon();
    this.tryUrl(0);
  }

  disconnect(): void {
    this.abandon();
    this.onserver(null, false);
  }

  send(data: string): boolean {
    return this.open && this.current.send(data);
  }

  /** The connection looks dead (a REGISTER went unanswered): close it and let JsSIP recover. */
  drop(): void {
    if (!this.open) return;
    this.abandon();
    this.lost(true, 1006, 'no answer from the server');
  }

  private abandon(): void {
    this.attempt++;
    this.stopTimer();
    this.open = false;
    this.current.disconnect();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private lost(error: boolean, code?: number, reason?: string): void {
    this.onserver(null, false);
    this.ondisconnect(error, code, reason);
  }

  private tryUrl(i: number): void {
    if (i >= this.sockets.length) {
      this.idx = 0;
      this.lost(true, undefined, 'no server reachable');
      return;
    }
    this.idx = i;
    const mine = ++this.attempt;
    const s = this.sockets[i];
    const next = (): void => {
      this.stopTimer();
      s.disconnect();
      this.tryUrl(i + 1);
    };
    s.onconnect = () => {
      if (mine !== this.attempt) return;
      this.stopTimer();
      this.open = true;
      this.onserver(s.url, true);
      this.onconnect();
    };
    s.ondisconnect = (error, code, reason) => {
      if (mine !== this.attempt) return;
      if (!this.open) { next(); return; } // the handshake failed: next URL
      this.open = false;
      this.lost(error, code, reason);
    };
    s.ondata = d => { if (mine === this.attempt) this.ondata(d); };
    this.onserver(s.url, false);
    this.timer = this.timers.set(() => { if (mine === this.attempt) next(); }, this.timeoutMs);
    s.connect();
  }
}

/** The reconnection backoff between rounds: 0.5 s, 1, 2, 4, 8 s (±20 %), then 8 s. */
export const reconnectBackoff = (): Backoff => new Backoff({ initialMs: 500, maxMs: 8000 });
