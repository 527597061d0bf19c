import { describe, expect, it } from 'vitest';
import { wantsAutoAnswer } from './notify';

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
