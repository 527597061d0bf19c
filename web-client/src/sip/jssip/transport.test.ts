import { describe, expect, it } from 'vitest';
import { Backoff } from '../../media/reconnect';
import { reconnectBackoff } from '../failover';
import { FakeTimers } from '../faketimers';
import { installBackoff } from './transport';

describe('installBackoff', () => {
  const transport = () => ({
    connects: 0, connected: false, connecting: false, close_requested: false, recovery_timer: null as unknown,
    _reconnect: () => {},
    isConnected() { return this.connected; },
    isConnecting() { return this.connecting; },
    connect() { this.connects++; },
  });

  it('waits the backoff between failover rounds, growing up to 8 s', () => {
    const timers = new FakeTimers();
    const t = transport();
    installBackoff(t, new Backoff({ initialMs: 500, maxMs: 8000, random: () => 0.5 }), timers);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = timers.now;
      t._reconnect();
      expect(t.recovery_timer).not.toBeNull();
      while (t.connects === i) timers.advance(100);
      waits.push(timers.now - before);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('does not connect when closed by the user or already connecting', () => {
    const timers = new FakeTimers();
    const t = transport();
    installBackoff(t, reconnectBackoff(), timers);
    t._reconnect();
    t.close_requested = true;
    timers.advance(20_000);
    t.close_requested = false;
    t.connecting = true;
    t._reconnect();
    timers.advance(20_000);
    expect(t.connects).toBe(0);
  });

  it('the default backoff starts near 0.5 s and never exceeds 8 s', () => {
    const b = reconnectBackoff();
    const first = b.next();
    expect(first).toBeGreaterThanOrEqual(400);
    expect(first).toBeLessThanOrEqual(600);
    for (let i = 0; i < 20; i++) expect(b.next()).toBeLessThanOrEqual(8000);
  });
});
