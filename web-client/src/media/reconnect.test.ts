import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backoff, watchNetwork } from './reconnect';

describe('Backoff', () => {
  it('grows by the factor from the initial delay and caps at max', () => {
    const b = new Backoff({ random: () => 0.5 }); // no jitter at 0.5
    const seq = Array.from({ length: 10 }, () => b.next());
    expect(seq).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('applies ±jitter and never exceeds max', () => {
    const lo = new Backoff({ initialMs: 1000, random: () => 0 });
    const hi = new Backoff({ initialMs: 1000, random: () => 0.999999 });
    expect(lo.next()).toBe(800);
    expect(hi.next()).toBe(1200);
    const capped = new Backoff({ initialMs: 1000, maxMs: 1000, random: () => 0.999999 });
    expect(capped.next()).toBe(1000);
    const r = new Backoff();
    for (let i = 0; i < 50; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(30000);
    }
  });

  it('starts over after reset', () => {
    const b = new Backoff({ initialMs: 100, factor: 3, jitter: 0 });
    expect([b.next(), b.next(), b.next()]).toEqual([100, 300, 900]);
    b.reset();
    expect(b.next()).toBe(100);
  });
});

describe('watchNetwork', () => {
  afterEach(() => vi.useRealTimers());

  it('debounces online/offline/connection changes and unsubscribes', () => {
    vi.useFakeTimers();
    const win = new EventTarget(), conn = new EventTarget();
    const cb = vi.fn();
    const off = watchNetwork(cb, win, conn);
    win.dispatchEvent(new Event('offline'));
    vi.advanceTimersByTime(300);
    win.dispatchEvent(new Event('online'));
    conn.dispatchEvent(new Event('change'));
    vi.advanceTimersByTime(499);
    expect(cb).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb).toHaveBeenCalledTimes(1);
    conn.dispatchEvent(new Event('change'));
    off();
    vi.advanceTimersByTime(1000);
    win.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(1000);
    expect(cb).toHaveBeenCalledTimes(1);
  });
});

describe('networkAction', () => {
  it('goes offline, reconnects or refreshes', async () => {
    const { networkAction } = await import('./reconnect');
    expect(networkAction(false, true)).toBe('offline');
    expect(networkAction(false, false)).toBe('offline');
    expect(networkAction(true, false)).toBe('reconnect');
    expect(networkAction(true, true)).toBe('refresh');
  });
});

describe('DeferredRestarts', () => {
  it('runs each waiting item once on flush', async () => {
    const { DeferredRestarts } = await import('./reconnect');
    const d = new DeferredRestarts<string>();
    d.add('a'); d.add('b'); d.add('a');
    expect(d.size).toBe(2);
    const ran: string[] = [];
    d.flush(x => ran.push(x));
    expect(ran).toEqual(['a', 'b']);
    d.flush(x => ran.push(x));
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('recoveryRetryDelay', () => {
  it('retries three times after the first attempt, then gives up', async () => {
    const { recoveryRetryDelay } = await import('./reconnect');
    expect([1, 2, 3].map(a => recoveryRetryDelay(a))).toEqual([3000, 3000, 3000]);
    expect(recoveryRetryDelay(4)).toBeNull();
    expect(recoveryRetryDelay(1, 1)).toBeNull();
  });
});
