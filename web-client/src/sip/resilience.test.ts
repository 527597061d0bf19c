import { describe, expect, it } from 'vitest';
import { keepCallOnTransportError, replacesValue } from './resilience';

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

describe('replacesValue', () => {
  it('puts the remote tag in to-tag and ours in from-tag', () => {
    expect(replacesValue('abc@x', 'mine', 'theirs')).toBe('abc@x;to-tag=theirs;from-tag=mine');
  });
});
