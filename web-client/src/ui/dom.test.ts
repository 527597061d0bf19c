// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toggleAnimated } from './dom';

afterEach(() => vi.useRealTimers());

describe('toggleAnimated', () => {
  it('animates a change for a moment only', () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    toggleAnimated(el, 'menu-open', true, 'menu-anim');
    expect(el.className).toBe('menu-anim menu-open');
    vi.advanceTimersByTime(250);
    expect(el.className).toBe('menu-open');
  });
  it('does not animate when nothing changes', () => {
    const el = document.createElement('div');
    toggleAnimated(el, 'menu-open', false, 'menu-anim');
    expect(el.classList.contains('menu-anim')).toBe(false);
  });
});
