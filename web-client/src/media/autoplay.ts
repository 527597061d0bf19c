/**
 * Autoplay policy and desktop notifications.
 *
 * Why: browsers block audio until the user interacts with the page, so an incoming call
 * after a reload would ring silently. The app detects that, shows the autoplay warning and
 * unblocks on the first gesture; a desktop notification brings the tab forward on a call.
 */

const GESTURES = ['click', 'keydown', 'touchstart', 'pointerdown'] as const;

type AutoplayNavigator = Navigator & { getAutoplayPolicy?: (type: 'mediaelement' | 'audiocontext') => string };

/** True if audio playback would currently be blocked by the autoplay policy. */
export async function detectAutoplayBlocked(): Promise<boolean> {
  const nav = (globalThis.navigator ?? undefined) as AutoplayNavigator | undefined;
  if (typeof nav?.getAutoplayPolicy === 'function') {
    try {
      return nav.getAutoplayPolicy('audiocontext') === 'disallowed';
    } catch {
      /* fall through */
    }
  }
  if (typeof AudioContext !== 'undefined') {
    const ctx = new AudioContext();
    try {
      // A context created without user activation starts (and stays) suspended.
      return ctx.state === 'suspended';
    } finally {
      void ctx.close().catch(() => {});
    }
  }
  if (typeof Audio !== 'undefined') {
    const el = new Audio();
    el.muted = false;
    el.volume = 0;
    // 44-byte WAV header with no samples: plays instantly if allowed.
    el.src = 'data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=';
    try {
      await el.play();
      el.pause();
      return false;
    } catch (e) {
      return (e as Error)?.name === 'NotAllowedError';
    }
  }
  return false;
}

/** Calls cb once on the first click/keydown/touch; returns a function to cancel. */
export function onUserGesture(cb: () => void, target: EventTarget = document): () => void {
  const off = (): void => GESTURES.forEach((g) => target.removeEventListener(g, handler, true));
  const handler = (): void => {
    off();
    cb();
  };
  GESTURES.forEach((g) => target.addEventListener(g, handler, true));
  return off;
}

/** Shows a desktop notification (asking permission if not yet decided); null if not allowed. */
export async function notify(title: string, body: string, onClick?: () => void): Promise<Notification | null> {
  if (typeof Notification === 'undefined') return null;
  let permission = Notification.permission;
  if (permission === 'default') {
    try {
      permission = await Notification.requestPermission();
    } catch {
      return null;
    }
  }
  if (permission !== 'granted') return null;
  const n = new Notification(title, { body, tag: 'switchboard-call' });
  n.onclick = () => {
    window.focus();
    n.close();
    onClick?.();
  };
  return n;
}
