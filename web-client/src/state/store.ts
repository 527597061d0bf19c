// A tiny observable store for the app state.
import { emptyCallList, type CallList } from './calls';
import type { HistoryEntry } from './history';

export type RegState = 'unregistered' | 'connecting' | 'registering' | 'registered' | 'failed';

export interface AppState {
  registration: RegState;
  regReason: string;
  /** The WebSocket URL the phone is connected to ('' while not connected). */
  server: string;
  calls: CallList;
  history: HistoryEntry[];
  error: string;
  autoplayBlocked: boolean;
  dialerOpen: boolean;
}

type Listener = (s: AppState) => void;

export class Store {
  state: AppState = {
    registration: 'unregistered', regReason: '', server: '', calls: emptyCallList(), history: [],
    error: '', autoplayBlocked: false, dialerOpen: false,
  };
  private listeners: Listener[] = [];
  private scheduled = false;

  subscribe(l: Listener): void { this.listeners.push(l); }

  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      for (const l of this.listeners) l(this.state);
    });
  }

  calls(fn: (c: CallList) => CallList): void {
    const next = fn(this.state.calls);
    if (next !== this.state.calls) this.set({ calls: next });
  }
}
