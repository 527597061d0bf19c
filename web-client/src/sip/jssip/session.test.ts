import { describe, expect, it } from 'vitest';
import { ctlEventOf, interceptCtlNotify, keepCallOnTransportError } from './session';

describe('NOTIFY talk/hold interception', () => {
  it('replies 200 and reports talk/hold, passes other requests on', () => {
    const passed: string[] = [];
    const events: string[] = [];
    const session = { receiveRequest: (r: { method: string }) => { passed.push(r.method); } };
    interceptCtlNotify(session, ev => events.push(ev));
    const replies: number[] = [];
    const notify = (event: string) => ({ method: 'NOTIFY', event: { event }, reply: (c: number) => replies.push(c) });
    session.receiveRequest(notify('talk'));
    session.receiveRequest(notify('hold'));
    session.receiveRequest(notify('refer'));
    session.receiveRequest({ method: 'BYE' });
    expect(events).toEqual(['talk', 'hold']);
    expect(replies).toEqual([200, 200]);
    expect(passed).toEqual(['NOTIFY', 'BYE']);
    expect(ctlEventOf({ event: { event: 'Talk' } })).toBe('talk');
  });
});

const fakeSession = (established: boolean) => {
  const s = {
    terminated: 0,
    _dialog: { uac_pending_reply: true },
    isEstablished: () => established,
    onTransportError() { this.terminated++; },
  };
  return s;
};

describe('keepCallOnTransportError', () => {
  it('keeps an established call and unblocks re-INVITEs', () => {
    const s = fakeSession(true);
    keepCallOnTransportError(s);
    s.onTransportError();
    expect(s.terminated).toBe(0);
    expect(s._dialog.uac_pending_reply).toBe(false);
  });
  it('still fails a call that is not established yet', () => {
    const s = fakeSession(false);
    keepCallOnTransportError(s);
    s.onTransportError();
    expect(s.terminated).toBe(1);
  });
});

