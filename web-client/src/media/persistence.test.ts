import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLS_KEY, clearCalls, loadCalls, saveCalls, type PersistedCall } from './persistence';

class FakeStorage {
  m = new Map<string, string>();
  getItem(k: string) { return this.m.get(k) ?? null; }
  setItem(k: string, v: string) { this.m.set(k, v); }
  removeItem(k: string) { this.m.delete(k); }
}
const a: PersistedCall = { remote: 'sip:alice@example.org', video: false, hold: true, muted: false, direction: 'outgoing' };
const b: PersistedCall = { remote: 'sip:bob@example.org', video: true, hold: false, muted: true, direction: 'incoming' };

describe('persistence', () => {
  afterEach(() => vi.useRealTimers());

  it('round-trips calls', () => {
    const s = new FakeStorage();
    saveCalls([a, b], s);
    expect(loadCalls(s)).toEqual([a, b]);
    clearCalls(s);
    expect(loadCalls(s)).toEqual([]);
  });

  it('expires after 10 minutes', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
    const s = new FakeStorage();
    saveCalls([a], s);
    vi.setSystemTime(new Date('2026-11-22T10:09:59Z'));
    expect(loadCalls(s)).toEqual([a]);
    vi.setSystemTime(new Date('2026-11-22T10:10:01Z'));
    expect(loadCalls(s)).toEqual([]);
    expect(s.m.has(CALLS_KEY)).toBe(false);
  });

  it('drops junk entries and junk data', () => {
    const s = new FakeStorage();
    s.setItem(CALLS_KEY, JSON.stringify({
      savedAt: Date.now(),
      calls: [a, null, 7, { ...b, direction: 'sideways' }, { ...b, video: 'yes' }, { ...b, remote: '' }, { ...b, extra: '<script>' }],
    }));
    expect(loadCalls(s)).toEqual([a, b]);
    for (const junk of ['{not json', '42', 'null', '[]', JSON.stringify({ calls: [a] }), JSON.stringify({ savedAt: Date.now() + 3600e3, calls: [a] })]) {
      s.setItem(CALLS_KEY, junk);
      expect(loadCalls(s), junk).toEqual([]);
    }
  });

  it('saving an empty list clears, and storage errors are swallowed', () => {
    const s = new FakeStorage();
    saveCalls([a], s);
    saveCalls([], s);
    expect(s.m.size).toBe(0);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(() => saveCalls([a], broken)).not.toThrow();
    expect(loadCalls(broken)).toEqual([]);
  });
});

describe('persisted dialogs', () => {
  it('keeps the Replaces value and rejects a malformed one', async () => {
    const { saveCalls, loadCalls } = await import('./persistence');
    const m = new Map<string, string>();
    const st = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
    const c = { remote: 'sip:bob@vm', video: false, hold: true, muted: true, direction: 'outgoing' as const, replaces: 'cid;to-tag=b;from-tag=a' };
    saveCalls([c, { ...c, remote: 'sip:carol@vm', replaces: 5 as unknown as string }], st);
    expect(loadCalls(st)).toEqual([c]);
  });
});
