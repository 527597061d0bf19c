// The per-user call history on the server (CONTRACT.md), with a localStorage fallback.
import { sortHistory, type HistoryEntry } from '../../state/history';

/** History on the server, with a localStorage fallback while the API is unavailable. */
export class HistoryClient {
  private remote = true;
  constructor(private user: string, private password: string, private url = '/api/history') {}

  private get localKey(): string { return `switchboard.history.${this.user}`; }
  private headers(json = false): HeadersInit {
    const h: Record<string, string> = {
      Authorization: 'Basic ' + btoa(unescape(encodeURIComponent(`${this.user}:${this.password}`))),
      'X-Requested-With': 'switchboard',
      Accept: 'application/json',
    };
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }
  private local(): HistoryEntry[] {
    try { return JSON.parse(localStorage.getItem(this.localKey) ?? '[]'); } catch { return []; }
  }
  private saveLocal(items: HistoryEntry[]): void {
    try { localStorage.setItem(this.localKey, JSON.stringify(sortHistory(items, 100))); } catch { /* ignore */ }
  }

  async list(): Promise<HistoryEntry[]> {
    try {
      const r = await fetch(`${this.url}?limit=100`, { headers: this.headers() });
      if (r.ok) {
        this.remote = true;
        const body = await r.json();
        return sortHistory(body.items ?? []);
      }
      this.remote = false;
    } catch { this.remote = false; }
    return sortHistory(this.local());
  }

  async add(e: HistoryEntry): Promise<HistoryEntry> {
    if (this.remote) {
      try {
        const r = await fetch(this.url, { method: 'POST', headers: this.headers(true), body: JSON.stringify(e) });
        if (r.ok) return await r.json();
        if (r.status === 404 || r.status >= 500) this.remote = false;
      } catch { this.remote = false; }
    }
    const stored = { ...e, id: `local-${Date.now()}-${Math.random().toString(36).slice(2, 7)}` };
    this.saveLocal([stored, ...this.local()]);
    return stored;
  }

  async clear(): Promise<void> {
    this.saveLocal([]);
    try { await fetch(this.url, { method: 'DELETE', headers: this.headers() }); } catch { /* offline */ }
  }
}
