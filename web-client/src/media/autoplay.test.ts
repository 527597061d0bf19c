// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectAutoplayBlocked, notify, onUserGesture } from './autoplay';

afterEach(() => vi.unstubAllGlobals());

describe('detectAutoplayBlocked', () => {
  it('reports blocked when a fresh AudioContext is suspended', async () => {
    const close = vi.fn(async () => {});
    vi.stubGlobal('AudioContext', class { state = 'suspended'; close = close; });
    expect(await detectAutoplayBlocked()).toBe(true);
    expect(close).toHaveBeenCalled();
    vi.stubGlobal('AudioContext', class { state = 'running'; close = close; });
    expect(await detectAutoplayBlocked()).toBe(false);
  });

  it('prefers navigator.getAutoplayPolicy when available', async () => {
    vi.stubGlobal('AudioContext', class { state = 'running'; close = async () => {}; });
    vi.stubGlobal('navigator', { getAutoplayPolicy: () => 'disallowed' });
    expect(await detectAutoplayBlocked()).toBe(true);
  });
});

describe('onUserGesture', () => {
  it('fires once on the first gesture and can be cancelled', () => {
    const cb = vi.fn();
    onUserGesture(cb);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(cb).toHaveBeenCalledTimes(1);
    const cb2 = vi.fn();
    const off = onUserGesture(cb2);
    off();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(cb2).not.toHaveBeenCalled();
  });
});

describe('notify', () => {
  function fakeNotification(permission: string, answer = permission) {
    const created: Array<{ title: string; opts: NotificationOptions; closed: boolean; onclick: (() => void) | null }> = [];
    const N = class {
      static permission = permission;
      static requestPermission = vi.fn(async () => answer);
      closed = false;
      onclick: (() => void) | null = null;
      constructor(public title: string, public opts: NotificationOptions) { created.push(this); }
      close() { this.closed = true; }
    };
    vi.stubGlobal('Notification', N);
    return { N, created };
  }

  it('asks permission when undecided, and on click focuses, closes and calls back', async () => {
    const { N, created } = fakeNotification('default', 'granted');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const clicked = vi.fn();
    const n = await notify('Incoming call', 'alice', clicked);
    expect(N.requestPermission).toHaveBeenCalled();
    expect(n).not.toBeNull();
    expect(created[0].opts.body).toBe('alice');
    created[0].onclick!();
    expect(focus).toHaveBeenCalled();
    expect(created[0].closed).toBe(true);
    expect(clicked).toHaveBeenCalled();
  });

  it('returns null when denied', async () => {
    const { N, created } = fakeNotification('denied');
    expect(await notify('t', 'b')).toBeNull();
    expect(N.requestPermission).not.toHaveBeenCalled();
    expect(created).toHaveLength(0);
    fakeNotification('default', 'denied');
    expect(await notify('t', 'b')).toBeNull();
  });
});
