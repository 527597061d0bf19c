import { describe, expect, it } from 'vitest';
import { ctlEventOf, patchSessionNotify, wantsAutoAnswer } from './notify';

const hdrs = (m: Record<string, string[]>) => (n: string) => m[n] ?? [];

describe('auto-answer headers', () => {
  it('recognises Alert-Info and Call-Info forms', () => {
    expect(wantsAutoAnswer(hdrs({ 'Alert-Info': ['info=alert-autoanswer'] }))).toBe(true);
    expect(wantsAutoAnswer(hdrs({ 'Alert-Info': ['<http://x>;info=alert-autoanswer'] }))).toBe(true);
    expect(wantsAutoAnswer(hdrs({ 'Alert-Info': [';info=alert-autoanswer'] }))).toBe(true);
    expect(wantsAutoAnswer(hdrs({ 'Call-Info': ['<sip:x>;answer-after=0'] }))).toBe(true);
    expect(wantsAutoAnswer(hdrs({ 'Call-Info': ['<sip:x>;answer-after=10'] }))).toBe(false);
    expect(wantsAutoAnswer(hdrs({ 'Alert-Info': ['<http://x/ring.wav>'] }))).toBe(false);
    expect(wantsAutoAnswer(hdrs({}))).toBe(false);
  });
});

describe('NOTIFY talk/hold interception', () => {
  it('replies 200 and reports talk/hold, passes other requests on', () => {
    const passed: string[] = [];
    const events: string[] = [];
    const session = { receiveRequest: (r: { method: string }) => { passed.push(r.method); } };
    patchSessionNotify(session, ev => events.push(ev));
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
