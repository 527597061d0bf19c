import { describe, expect, it } from 'vitest';
import { ConfigWatcher } from './features';
import type { ClientConfig } from './rest';

const body = (features: unknown[]) => ({ domain: 'vm', wssUrls: ['ws://x'], iceServers: [], features });

function server() {
  const s = {
    features: [{ id: 'meetings', settings: { rooms: '8000-8999' } }] as unknown[],
    requests: [] as (string | undefined)[],
    down: false,
    etag(): string { return `"${JSON.stringify(s.features).length}-${s.features.length}"`; },
    fetch: async (_url: string, init: RequestInit) => {
      if (s.down) throw new TypeError('Failed to fetch');
      const inm = (init.headers as Record<string, string>)['If-None-Match'];
      s.requests.push(inm);
      const tag = s.etag();
      const status = inm === tag ? 304 : 200;
      return { status, ok: status === 200, headers: new Headers({ ETag: tag }), json: async () => body(s.features) };
    },
  };
  return s;
}

const target = () => {
  const listeners = new Map<string, () => void>();
  return {
    visibilityState: 'visible',
    addEventListener: (t: string, fn: EventListenerOrEventListenerObject) => void listeners.set(t, fn as () => void),
    removeEventListener: (t: string) => void listeners.delete(t),
    fire: (t: string) => listeners.get(t)?.(),
    listeners,
  };
};

describe('ConfigWatcher', () => {
  it('revalidates with the ETag and reports only changed configs', async () => {
    const srv = server();
    const seen: ClientConfig[] = [];
    let tick: () => void = () => {};
    const doc = target(), win = target();
    const w = new ConfigWatcher(c => seen.push(c), {
      fetch: srv.fetch, doc, win, timers: { setInterval: fn => { tick = fn; return 1; }, clearInterval: () => {} },
    });
    w.start();
    await w.refresh();
    expect(seen.map(c => c.features)).toEqual([[{ id: 'meetings', settings: { rooms: '8000-8999' } }]]);
    tick();
    await w.refresh();
    expect(seen).toHaveLength(1); // 304: nothing new
    expect(srv.requests[1]).toBe(srv.etag());

    srv.features = []; // feature:uninstall
    win.fire('focus');
    await w.refresh();
    expect(seen.map(c => c.features)).toEqual([[{ id: 'meetings', settings: { rooms: '8000-8999' } }], []]);
  });

  it('keeps the last config while the server is unreachable and polls only while visible', async () => {
    const srv = server();
    const seen: ClientConfig[] = [];
    let tick: () => void = () => {};
    const doc = target();
    const w = new ConfigWatcher(c => seen.push(c), {
      fetch: srv.fetch, doc, win: target(), timers: { setInterval: fn => { tick = fn; return 1; }, clearInterval: () => {} },
    });
    w.start();
    await w.refresh();
    srv.down = true;
    await w.refresh();
    expect(seen).toHaveLength(1);
    srv.down = false;
    doc.visibilityState = 'hidden';
    const before = srv.requests.length;
    tick();
    await Promise.resolve();
    expect(srv.requests.length).toBe(before);
    doc.visibilityState = 'visible';
    doc.fire('visibilitychange');
    await w.refresh();
    expect(srv.requests.length).toBe(before + 1);
    w.stop();
    expect(doc.listeners.size).toBe(0);
  });
});
