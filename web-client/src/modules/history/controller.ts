// The call history: each ended call becomes an entry (state/history.ts), stored on the server.
import { entryFromCall, sortHistory } from '../../state/history';
import type { Phone } from '../../sip/phone';
import type { Store } from '../../state/store';
import { HistoryClient } from './client';

export class HistoryController {
  private client: HistoryClient | null = null;
  private loaded = false;

  constructor(phone: Phone, private readonly store: Store) {
    phone.events.on('call:ended', e => {
      if (!e.info) return;
      const entry = entryFromCall(e.info, e.end, e.reason);
      this.store.set({ history: sortHistory([entry, ...this.store.state.history]) });
      void this.client?.add(entry).then(stored => {
        this.store.set({ history: this.store.state.history.map(h => h === entry ? stored : h) });
      });
    });
    // History is not needed to register: load it once registered (or after 2 s at the latest).
    phone.events.on('registered', () => this.load());
  }

  /** A user logged in: their history (from `url`) is loaded once registered, 2 s at the latest. */
  signIn(user: string, password: string, url: string): void {
    this.client = new HistoryClient(user, password, url);
    this.loaded = false;
    setTimeout(() => this.load(), 2000);
  }

  signOut(): void {
    this.client = null;
    this.store.set({ history: [] });
  }

  clear(): void {
    this.store.set({ history: [] });
    void this.client?.clear();
  }

  private load(): void {
    const client = this.client;
    if (this.loaded || !client) return;
    this.loaded = true;
    void client.list().then(items => { if (this.client === client) this.store.set({ history: items }); });
  }
}
