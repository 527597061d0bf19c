import { describe, expect, it } from 'vitest';
import * as media from './index';

describe('media index', () => {
  it('re-exports every module', () => {
    for (const name of ['estimateMos', 'qualityColor', 'QualityMonitor', 'qualityFromReports', 'rtpCounters',
      'ConferenceMixer', 'mixPlan', 'ScreenShare', 'Backoff', 'watchNetwork', 'saveCalls', 'loadCalls',
      'clearCalls', 'detectAutoplayBlocked', 'onUserGesture', 'notify', 'TonePlayer', 'cadence',
      'listDevices', 'mediaConstraints', 'applySink']) {
      expect(typeof (media as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
