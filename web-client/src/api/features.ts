// Following what the server has installed without a reload: GET /api/client-config is
// revalidated with its ETag (If-None-Match; a 304 costs no body) every `intervalMs` while the
// page is visible, at once when the page becomes visible or gets the focus, and when the phone
// registers again after a reconnection (the server may have restarted with other features).
// Why polling and not a push: the only channel the server has to the client is SIP, and a
// feature list is not SIP's business; a conditional GET every 15 s is cheap (a few hundred
// bytes), needs no new endpoint, and works through any proxy.
import { parseClientConfig, type ClientConfig } from './rest';

export const REVALIDATE_MS = 15_000;

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok' | 'headers' | 'json'>>;
type Doc = Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState?: string };

export interface WatcherOptions {
  intervalMs?: number;
  fetch?: Fetch;
  doc?: Doc;
  win?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
}

export class ConfigWatcher {
  private etag: string | null = null;
  private handle: unknown = null;
  private inFlight: Promise<void> | null = null;
  private readonly fetch: Fetch;
  private readonly doc: Doc | undefined;
  private readonly win: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined;
  private readonly timers: NonNullable<WatcherOptions['timers']>;
  private readonly intervalMs: number;
  private readonly onVisible = (): void => { if (this.doc?.visibilityState !== 'hidden') void this.refresh(); };
  private readonly onFocus = (): void => void this.refresh();

  /** onConfig: a config that differs from the last one seen (the first one included). */
  constructor(private readonly onConfig: (c: ClientConfig) => void, o: WatcherOptions = {}) {
    this.fetch = o.fetch ?? ((url, init) => fetch(url, init));
    this.doc = o.doc ?? (typeof document === 'undefined' ? undefined : document);
    this.win = o.win ?? (typeof window === 'undefined' ? undefined : window);
    this.timers = o.timers ?? { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: h => clearInterval(h as number) };
    this.intervalMs = o.intervalMs ?? REVALIDATE_MS;
  }

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.timers.setInterval(() => { if (this.doc?.visibilityState !== 'hidden') void this.refresh(); }, this.intervalMs);
    this.doc?.addEventListener('visibilitychange', this.onVisible);
    this.win?.addEventListener('focus', this.onFocus);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
    this.doc?.removeEventListener('visibilitychange', this.onVisible);
    this.win?.removeEventListener('focus', this.onFocus);
  }

  /** One conditional GET now (joined with one already under way). */
  refresh(): Promise<void> {
    this.inFlight ??= this.revalidate().finally(() => { this.inFlight = null; });
    return this.inFlight;
  }

  private async revalidate(): Promise<void> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.etag) headers['If-None-Match'] = this.etag;
    try {
      const r = await this.fetch('/api/client-config', { headers, cache: 'no-store' });
      if (r.status === 304 || !r.ok) return; // unchanged, or the server is away: keep what we have
      const c = parseClientConfig(await r.json() as unknown);
      if (!c) return;
      this.etag = r.headers.get('ETag');
      this.onConfig(c);
    } catch {
      // offline: the next round, focus or reconnection tries again
    }
  }
}
