import { describe, expect, it } from 'vitest';
import { estimateMos, qualityColor } from './mos';

const perfect = { rttMs: 0, jitterMs: 0, lossPercent: 0 };

describe('estimateMos', () => {
  it('scores a perfect network about 4.4', () => {
    expect(estimateMos(perfect)).toBeCloseTo(4.4, 1);
    expect(qualityColor(estimateMos(perfect))).toBe('green');
  });

  it('scores a typical good network green', () => {
    expect(qualityColor(estimateMos({ rttMs: 60, jitterMs: 5, lossPercent: 0.2 }))).toBe('green');
  });

  it('scores 5 % loss and 300 ms RTT much lower', () => {
    const mos = estimateMos({ rttMs: 300, jitterMs: 0, lossPercent: 5 });
    expect(mos).toBeLessThan(estimateMos(perfect) - 0.5);
    expect(['orange', 'red']).toContain(qualityColor(mos));
  });

  it('scores heavy loss and latency red, never below 1', () => {
    const mos = estimateMos({ rttMs: 800, jitterMs: 100, lossPercent: 20 });
    expect(qualityColor(mos)).toBe('red');
    expect(estimateMos({ rttMs: 1e6, jitterMs: 1e6, lossPercent: 100 })).toBe(1);
  });

  it('is non-increasing in each input and strictly lower for a clear step', () => {
    for (const key of ['rttMs', 'jitterMs', 'lossPercent'] as const) {
      let prev = estimateMos(perfect);
      for (let v = 1; v <= 1000; v += 7) {
        const m = estimateMos({ ...perfect, [key]: key === 'lossPercent' ? v / 10 : v });
        expect(m, `${key}=${v}`).toBeLessThanOrEqual(prev);
        prev = m;
      }
      expect(estimateMos({ ...perfect, [key]: 50 })).toBeLessThan(estimateMos(perfect));
    }
  });

  it('treats invalid inputs as zero', () => {
    expect(estimateMos({ rttMs: NaN, jitterMs: -5, lossPercent: -1 })).toBe(estimateMos(perfect));
  });
});

describe('qualityColor', () => {
  it('maps thresholds', () => {
    expect(qualityColor(null)).toBe('grey');
    expect(qualityColor(NaN)).toBe('grey');
    expect(qualityColor(4.0)).toBe('green');
    expect(qualityColor(3.99)).toBe('orange');
    expect(qualityColor(3.1)).toBe('orange');
    expect(qualityColor(3.09)).toBe('red');
    expect(qualityColor(1)).toBe('red');
  });
});
