import { describe, expect, it } from 'vitest';
import { replacesValue } from './resilience';

describe('replacesValue', () => {
  it('puts the remote tag in to-tag and ours in from-tag', () => {
    expect(replacesValue('abc@x', 'mine', 'theirs')).toBe('abc@x;to-tag=theirs;from-tag=mine');
  });
});
