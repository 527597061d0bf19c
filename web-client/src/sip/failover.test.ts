import { describe, expect, it } from 'vitest';
import { FailoverSocket, type SipSocket } from './failover';
import { FakeTimers } from './faketimers';


/** A WebSocket stand-in: the test opens, refuses or closes it. */
class FakeWs implements SipSocket {
  connects = 0;
  sent: string[] = [];
  state: 'closed' | 'connecting' | 'open' = 'closed';
  onconnect = () => {};
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => {};
  ondata: (d: unknown) => void = () => {};
  constructor(readonly url: string) {}
  get via_transport() { return this.url.startsWith('wss') ? 'WSS' : 'WS'; }
  get sip_uri() { return `sip:${new URL(this.url).host};transport=ws`; }
  connect() { this.connects++; this.state = 'connecting'; }
  disconnect() { this.state = 'closed'; }
  send(d: string) { this.sent.push(d); return this.state === 'open'; }
  open() { this.state = 'open'; this.onconnect(); }
  fail() { this.state = 'closed'; this.ondisconnect(true, 1006, ''); }
}

function setup(urls = ['ws://one:1', 'ws://two:2', 'wss://three:3']) {
  const timers = new FakeTimers();
  const ws = new Map<string, FakeWs>();
  const s = new FailoverSocket(urls, u => { const w = new FakeWs(u); ws.set(u, w); return w; }, 4000, timers);
  const events: string[] = [];
  s.onconnect = () => events.push(`connect ${s.url}`);
  s.ondisconnect = (e, _c, r) => events.push(`disconnect ${e} ${r ?? ''}`.trim());
  s.onserver = (u, c) => events.push(c ? `server ${u}` : `trying ${u}`);
  return { s, timers, events, w: (u: string) => ws.get(u)! };
}

describe('FailoverSocket', () => {
  it('uses the first URL when it is up', () => {
    const { s, w, events } = setup();
    s.connect();
    w('ws://one:1').open();
    expect(events).toEqual(['trying ws://one:1', 'server ws://one:1', 'connect ws://one:1']);
    expect(w('ws://two:2').connects).toBe(0);
    expect(s.via_transport).toBe('WS');
    expect(s.send('REGISTER')).toBe(true);
    expect(w('ws://one:1').sent).toEqual(['REGISTER']);
  });

  it('goes on to the next URL when one refuses, and when one does not finish its handshake in time', () => {
    const { s, w, timers, events } = setup();
    s.connect();
    w('ws://one:1').fail(); // refused
    expect(w('ws://two:2').state).toBe('connecting');
    timers.advance(3999);
    expect(w('wss://three:3').connects).toBe(0);
    timers.advance(1); // two hangs: timed out
    expect(w('ws://two:2').state).toBe('closed');
    w('wss://three:3').open();
    expect(s.url).toBe('wss://three:3');
    expect(s.via_transport).toBe('WSS');
    expect(events.filter(e => !e.startsWith('trying'))).toEqual(['server wss://three:3', 'connect wss://three:3']);
    expect(timers.pending).toBe(0);
  });

  it('reports one failure to JsSIP only when every URL failed, then starts again at the first', () => {
    const { s, w, timers, events } = setup(['ws://one:1', 'ws://two:2']);
    s.connect();
    w('ws://one:1').fail();
    timers.advance(4000);
    expect(events.filter(e => e.startsWith('disconnect'))).toEqual(['disconnect true no server reachable']);
    s.connect();
    expect(w('ws://one:1').connects).toBe(2);
    expect(w('ws://two:2').connects).toBe(1);
  });

  it('reports the loss of the live connection, and the next round tries the first URL again', () => {
    const { s, w, events } = setup();
    s.connect();
    w('ws://one:1').fail();
    w('ws://two:2').open();
    w('ws://two:2').fail();
    expect(events.slice(-2)).toEqual(['trying null', 'disconnect true']);
    expect(s.send('x')).toBe(false);
    s.connect();
    w('ws://one:1').open(); // the primary is back: preferred again
    expect(s.url).toBe('ws://one:1');
  });

  it('ignores late events of an abandoned attempt', () => {
    const { s, w, timers, events } = setup(['ws://one:1', 'ws://two:2']);
    s.connect();
    timers.advance(4000); // one timed out
    w('ws://one:1').onconnect(); // its handshake completes after all
    expect(events).not.toContain('connect ws://one:1');
    w('ws://two:2').open();
    expect(s.url).toBe('ws://two:2');
  });

  it('drop() closes a live connection as an error; disconnect() does not report', () => {
    const { s, w, events } = setup();
    s.connect();
    w('ws://one:1').open();
    s.drop();
    expect(w('ws://one:1').state).toBe('closed');
    expect(events.at(-1)).toBe('disconnect true no answer from the server');
    const n = events.length;
    s.drop(); // not connected: nothing
    s.disconnect();
    expect(events.slice(n)).toEqual(['trying null']);
  });
});
