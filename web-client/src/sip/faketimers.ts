// Manual timers for unit tests (not part of the app bundle: only tests import it).
import type { Timers } from './failover';

export class FakeTimers implements Timers {
  private seq = 0;
  private due = new Map<number, { at: number; fn: () => void }>();
  constructor(public now = 0) {}
  set(fn: () => void, ms: number): unknown { const id = ++this.seq; this.due.set(id, { at: this.now + ms, fn }); return id; }
  clear(h: unknown): void { this.due.delete(h as number); }
  /** Runs every timer due within `ms`, in order, moving the clock along. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }
  /** The wall clock jumps (the machine slept) without any timer firing. */
  sleep(ms: number): void { this.now += ms; }
  get pending(): number { return this.due.size; }
}
