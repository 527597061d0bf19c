import { describe, expect, it } from 'vitest';
import {
  addCall, canTransition, emptyCallList, focus, focused, holdState, newCall, otherEstablished,
  removeCall, setHold, setStatus, updateCall, userPart,
} from './calls';

const mk = (id: string, dir: 'incoming' | 'outgoing' = 'outgoing') => newCall(id, dir, `sip:${id}@vm`, '', 1000);

describe('call list', () => {
  it('adds calls and focuses the newest', () => {
    let l = addCall(emptyCallList(), mk('a'));
    l = addCall(l, mk('b', 'incoming'));
    expect(l.calls.map(c => c.id)).toEqual(['a', 'b']);
    expect(l.focusedId).toBe('b');
    expect(focused(l)?.status).toBe('incoming');
    expect(l.calls[0].status).toBe('calling');
  });

  it('ignores a duplicate id', () => {
    const l = addCall(emptyCallList(), mk('a'));
    expect(addCall(l, mk('a'))).toBe(l);
  });

  it('focuses a call by id and ignores unknown ids', () => {
    let l = addCall(addCall(emptyCallList(), mk('a')), mk('b'));
    l = focus(l, 'a');
    expect(l.focusedId).toBe('a');
    expect(focus(l, 'zzz').focusedId).toBe('a');
  });

  it('removing the focused call focuses the last active call', () => {
    let l = addCall(addCall(addCall(emptyCallList(), mk('a')), mk('b')), mk('c'));
    l = setStatus(l, 'b', 'ended');
    l = focus(l, 'c');
    l = removeCall(l, 'c');
    expect(l.focusedId).toBe('a');
    l = removeCall(removeCall(l, 'a'), 'b');
    expect(l.focusedId).toBeNull();
    expect(l.calls).toHaveLength(0);
  });

  it('ending the focused call moves the focus to an active call', () => {
    let l = addCall(addCall(emptyCallList(), mk('a')), mk('b'));
    l = setStatus(l, 'b', 'ended', {}, 5000);
    expect(l.focusedId).toBe('a');
    expect(l.calls[1].endedAt).toBe(5000);
  });

  it('follows status transitions forward only', () => {
    let l = addCall(emptyCallList(), mk('a'));
    l = setStatus(l, 'a', 'ringing');
    expect(l.calls[0].status).toBe('ringing');
    l = setStatus(l, 'a', 'connected', {}, 2000);
    expect(l.calls[0].status).toBe('connected');
    expect(l.calls[0].answeredAt).toBe(2000);
    l = setStatus(l, 'a', 'ringing');
    expect(l.calls[0].status).toBe('connected');
    l = setStatus(l, 'a', 'ended', { reason: 'BYE' });
    expect(l.calls[0].status).toBe('ended');
    expect(l.calls[0].reason).toBe('BYE');
    l = setStatus(l, 'a', 'connected');
    expect(l.calls[0].status).toBe('ended');
  });

  it('knows which transitions are allowed', () => {
    expect(canTransition('calling', 'ringing')).toBe(true);
    expect(canTransition('incoming', 'connected')).toBe(true);
    expect(canTransition('ringing', 'error')).toBe(true);
    expect(canTransition('error', 'ended')).toBe(false);
    expect(canTransition('connected', 'calling')).toBe(false);
  });

  it('tracks local and remote hold independently', () => {
    let l = addCall(emptyCallList(), mk('a'));
    expect(holdState(l.calls[0])).toBe('none');
    l = setHold(l, 'a', 'local', true);
    expect(holdState(l.calls[0])).toBe('local');
    l = setHold(l, 'a', 'remote', true);
    expect(holdState(l.calls[0])).toBe('both');
    l = setHold(l, 'a', 'local', false);
    expect(holdState(l.calls[0])).toBe('remote');
    l = setHold(l, 'a', 'remote', false);
    expect(holdState(l.calls[0])).toBe('none');
  });

  it('updates flags immutably', () => {
    const l = addCall(emptyCallList(), mk('a'));
    const m = updateCall(l, 'a', { muted: true });
    expect(m.calls[0].muted).toBe(true);
    expect(l.calls[0].muted).toBe(false);
    expect(updateCall(l, 'nope', { muted: true })).toBe(l);
  });

  it('lists other established calls for attended transfer', () => {
    let l = addCall(addCall(addCall(emptyCallList(), mk('a')), mk('b')), mk('c'));
    l = setStatus(setStatus(l, 'a', 'connected'), 'b', 'connected');
    expect(otherEstablished(l, 'a').map(c => c.id)).toEqual(['b']);
  });

  it('extracts the user part', () => {
    expect(userPart('sip:bob@vm')).toBe('bob');
    expect(userPart('bob')).toBe('bob');
  });
});
