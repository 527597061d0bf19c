import { describe, expect, it } from 'vitest';
import { newCall } from './calls';
import { entryFromCall, outcomeOf, sortHistory } from './history';

describe('history outcome', () => {
  it('maps how a call ended to an outcome', () => {
    expect(outcomeOf('outgoing', true, { originator: 'remote' })).toBe('answered');
    expect(outcomeOf('incoming', false, { originator: 'remote', cause: 'Canceled' })).toBe('missed');
    expect(outcomeOf('incoming', false, { originator: 'local', statusCode: 486 })).toBe('rejected');
    expect(outcomeOf('outgoing', false, { originator: 'local', cause: 'Canceled' })).toBe('cancelled');
    expect(outcomeOf('outgoing', false, { originator: 'remote', statusCode: 486 })).toBe('busy');
    expect(outcomeOf('outgoing', false, { originator: 'remote', statusCode: 603 })).toBe('rejected');
    expect(outcomeOf('outgoing', false, { originator: 'remote', statusCode: 404 })).toBe('failed');
    expect(outcomeOf('outgoing', false, { originator: 'system' })).toBe('failed');
  });

  it('builds a REST entry from a call', () => {
    const c = { ...newCall('x', 'outgoing', 'sip:bob@vm', 'Bob', Date.UTC(2026, 10, 22, 10, 0, 0)),
      answeredAt: Date.UTC(2026, 10, 22, 10, 0, 3), endedAt: Date.UTC(2026, 10, 22, 10, 1, 0) };
    expect(entryFromCall(c, { originator: 'local' }, '')).toEqual({
      direction: 'outgoing', peer: 'sip:bob@vm', peerName: 'Bob', video: false,
      startedAt: '2026-11-22T10:00:00Z', answeredAt: '2026-11-22T10:00:03Z',
      endedAt: '2026-11-22T10:01:00Z', outcome: 'answered', reason: '',
    });
  });

  it('sorts newest first and limits', () => {
    const e = (t: string) => ({ direction: 'incoming' as const, peer: t, peerName: '', video: false,
      startedAt: t, answeredAt: null, endedAt: t, outcome: 'missed' as const, reason: '' });
    expect(sortHistory([e('2026-01-01'), e('2026-03-01'), e('2026-02-01')], 2).map(x => x.peer))
      .toEqual(['2026-03-01', '2026-02-01']);
  });
});
