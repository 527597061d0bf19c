import { describe, expect, it } from 'vitest';
import { transferFinished, transferTransition as t } from './state';

describe('transfer state machine', () => {
  it('goes none -> progress -> success on a 200 NOTIFY', () => {
    let s = t('none', { type: 'start' });
    expect(s).toBe('progress');
    s = t(s, { type: 'notify', status: 100 });
    expect(s).toBe('progress');
    s = t(s, { type: 'notify', status: 180 });
    expect(s).toBe('progress');
    s = t(s, { type: 'notify', status: 200 });
    expect(s).toBe('success');
    expect(transferFinished(s)).toBe(true);
  });

  it('fails on an error NOTIFY or a rejected REFER', () => {
    expect(t('progress', { type: 'notify', status: 486 })).toBe('failure');
    expect(t('progress', { type: 'notify', status: 603 })).toBe('failure');
    expect(t('progress', { type: 'requestFailed' })).toBe('failure');
    expect(t('progress', { type: 'failed' })).toBe('failure');
  });

  it('ignores events that do not belong to a transfer in progress', () => {
    expect(t('none', { type: 'notify', status: 200 })).toBe('none');
    expect(t('success', { type: 'notify', status: 486 })).toBe('success');
    expect(t('failure', { type: 'notify', status: 200 })).toBe('failure');
    expect(t('none', { type: 'failed' })).toBe('none');
  });

  it('can start again after a failure and be reset', () => {
    expect(t('failure', { type: 'start' })).toBe('progress');
    expect(t('success', { type: 'reset' })).toBe('none');
    expect(transferFinished('progress')).toBe(false);
  });
});
