// Keeping the registration alive.
//
// Why not only JsSIP's refresh: it renews at a random point between 50 % and ~95 % of the
// granted time, and a hidden tab's timers are throttled to once a minute (a laptop's stop
// during sleep), which can push that past expiry. We renew at half the granted time, renew at
// once when the page wakes up late (visible again, timers that ran late), and treat an
// unanswered REGISTER as a dead connection (JsSIP would wait 32 s, fail, and never retry).
import type { Timers } from './failover';

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: h => clearTimeout(h as number) };

export type RegCheck = 'unregistered' | 'ok' | 'refresh' | 'expired';

/** When the registration was last confirmed and for how long (wall clock: survives sleep). */
export class RegistrationClock {
  private at: number | null = null;
  private ms = 0;

  registered(expiresSec: number, now: number): void {
    if (!(expiresSec > 0)) { this.lost(); return; }
    this.at = now;
    this.ms = expiresSec * 1000;
  }

  lost(): void { this.at = null; }

  /** When the last REGISTER was answered 2xx (null: not registered). */
  get since(): number | null { return this.at; }

  /** Our refresh point: half the granted time after the last 2xx. */
  refreshInMs(now: number): number | null {
    return this.at === null ? null : Math.max(0, this.at + this.ms / 2 - now);
  }

  check(now: number): RegCheck {
    if (this.at === null) return 'unregistered';
    const elapsed = now - this.at;
    if (elapsed >= this.ms) return 'expired';
    return elapsed >= this.ms / 2 ? 'refresh' : 'ok';
  }
}

/** The expires a 2xx response to REGISTER grants our contact (the Contact whose user part is
 *  JsSIP's random contact user; else the Expires header; else `requested`); null when the
 *  message is not a 2xx to a REGISTER. */
export function registerOkExpires(message: string, contactUser: string, requested: number): number | null {
  const head = message.split(/\r?\n\r?\n/, 1)[0];
  const lines = head.split(/\r?\n/);
  if (!/^SIP\/2\.0 2\d\d\b/.test(lines[0] ?? '')) return null;
  if (!lines.some(l => /^(CSeq)\s*:\s*\d+\s+REGISTER\s*$/i.test(l))) return null;
  for (const l of lines) {
    if (!/^(Contact|m)\s*:/i.test(l)) continue;
    for (const c of l.replace(/^[^:]*:/, '').split(/,(?=\s*(?:"[^"]*"\s*)?<)/)) {
      if (!c.includes(`:${contactUser}@`)) continue;
      const e = /;\s*expires\s*=\s*(\d+)/i.exec(c);
      if (e) return Number(e[1]);
    }
  }
  const h = lines.find(l => /^Expires\s*:/i.test(l));
  return h ? Number(h.replace(/^[^:]*:/, '').trim()) : requested;
}

/** What the keeper needs of the UA (see jssip/ua.ts). */
export interface RegUa {
  on(event: 'registrationExpiring' | 'disconnected' | 'unregistered' | 'registrationFailed', fn: (e?: unknown) => void): void;
  register(): void;
  isConnected(): boolean;
}

export interface KeeperOptions {
  timers?: Timers;
  now?: () => number;
  /** A REGISTER not answered within this is taken for a dead connection. */
  answerTimeoutMs?: number;
}

export class RegistrationKeeper {
  readonly clock = new RegistrationClock();
  private refreshTimer: unknown = null;
  private probeTimer: unknown = null;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly answerTimeoutMs: number;

  /** drop: close the connection (JsSIP reconnects and registers); reconnect: connect now. */
  constructor(private readonly ua: RegUa, private readonly drop: () => void,
              private readonly reconnect: () => void, o: KeeperOptions = {}) {
    this.timers = o.timers ?? realTimers;
    this.now = o.now ?? Date.now;
    this.answerTimeoutMs = o.answerTimeoutMs ?? 8000;
    // With a listener JsSIP only emits this instead of renewing: a safety net for ours.
    ua.on('registrationExpiring', () => { if (this.clock.check(this.now()) !== 'ok') this.renew(); });
    ua.on('disconnected', () => this.lost());
    ua.on('unregistered', () => this.lost());
    ua.on('registrationFailed', (e) => {
      this.lost();
      const answered = typeof e === 'object' && e !== null && 'response' in e && !!e.response;
      if (!answered && ua.isConnected()) drop(); // unanswered: the connection is dead
    });
  }

  /** A 2xx to a REGISTER granted `expiresSec`. */
  answered(expiresSec: number): void {
    const now = this.now();
    this.clear();
    this.clock.registered(expiresSec, now);
    const due = this.clock.refreshInMs(now);
    if (due !== null) this.refreshTimer = this.timers.set(() => { this.refreshTimer = null; this.renew(); }, due);
  }

  /** REGISTER now; if no 2xx comes within answerTimeoutMs the connection is dropped. */
  renew(): void {
    if (!this.ua.isConnected()) { this.reconnect(); return; }
    const sent = this.now();
    this.ua.register();
    if (this.probeTimer !== null) this.timers.clear(this.probeTimer);
    this.probeTimer = this.timers.set(() => {
      this.probeTimer = null;
      if ((this.clock.since ?? -Infinity) < sent && this.ua.isConnected()) this.drop();
    }, this.answerTimeoutMs);
  }

  /** The page woke up: reconnect when down; renew when due or after a sleep (the connection
   *  may be dead without the browser knowing). */
  wake(slept: boolean): void {
    if (!this.ua.isConnected()) { this.reconnect(); return; }
    const c = this.clock.check(this.now());
    if (c === 'unregistered') return; // registering now, or failed for a reason a REGISTER won't fix
    if (slept || c !== 'ok') this.renew();
  }

  stop(): void { this.lost(); }

  private lost(): void {
    this.clock.lost();
    this.clear();
  }

  private clear(): void {
    for (const t of [this.refreshTimer, this.probeTimer]) if (t !== null) this.timers.clear(t);
    this.refreshTimer = null;
    this.probeTimer = null;
  }
}

type Doc = Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState?: string };

/** Calls onWake(false) when the page becomes visible or resumes, and onWake(true) when an
 *  interval timer ran much later than asked (the machine slept). Returns an unsubscribe. */
export function watchWake(onWake: (slept: boolean) => void, o: {
  doc?: Doc; timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
  now?: () => number; intervalMs?: number; gapMs?: number;
} = {}): () => void {
  const doc = o.doc ?? document;
  const now = o.now ?? Date.now;
  const intervalMs = o.intervalMs ?? 10_000;
  // above the once-a-minute timers of a throttled hidden tab
  const gapMs = o.gapMs ?? 90_000;
  const t = o.timers ?? { setInterval: (fn: () => void, ms: number) => setInterval(fn, ms), clearInterval: (h: unknown) => clearInterval(h as number) };
  const visible = (): void => { if (doc.visibilityState !== 'hidden') onWake(false); };
  const resume = (): void => onWake(false);
  let last = now();
  const tick = t.setInterval(() => {
    const n = now();
    const late = n - last > intervalMs + gapMs;
    last = n;
    if (late) onWake(true);
  }, intervalMs);
  doc.addEventListener('visibilitychange', visible);
  doc.addEventListener('resume', resume);
  return () => {
    t.clearInterval(tick);
    doc.removeEventListener('visibilitychange', visible);
    doc.removeEventListener('resume', resume);
  };
}
