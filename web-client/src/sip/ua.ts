// The user agent: sockets in priority order, registration state, reconnection.
import type { Store, RegState } from '../state/store';
import { splitViaHeaders } from './wire';
import { FailoverSocket, reconnectBackoff } from './failover';
import { SipUa } from './jssip';
import { RegistrationKeeper, registerOkExpires, watchWake } from './registration';

export interface UaConfig {
  wsUrls: string[];
  uri: string;
  authName: string;
  password: string;
  displayName: string;
}

// Our own name first, as products built on JsSIP do: the platform no longer guesses from the
// User-Agent (its default challenge is MD5 alone, which JsSIP 3 accepts).
export const USER_AGENT = 'Switchboard Phone (JsSIP 3.13.8)';
const EXPIRES = 600;

/** The UA with what keeps it registered. */
export interface PhoneUa {
  readonly ua: SipUa;
  readonly keeper: RegistrationKeeper;
  /** The user logged out: no more reconnection or renewal. */
  markStopped(): void;
}

export function createUa(cfg: UaConfig, store: Store, onError: (m: string) => void): PhoneUa {
  // One socket that fails over across the URLs in priority order (see failover.ts).
  const socket = new FailoverSocket(cfg.wsUrls, url => SipUa.webSocket(url));
  socket.onserver = (url, connected) => store.set({ server: connected ? url ?? '' : '' });
  let wanted = true;
  const backoff = reconnectBackoff();
  let keeper: RegistrationKeeper | null = null;
  const ua = SipUa.open({
    socket, uri: cfg.uri, authName: cfg.authName, password: cfg.password, displayName: cfg.displayName,
    registerExpires: EXPIRES, userAgent: USER_AGENT, backoff,
    // One Via line per hop before JsSIP parses a message (see splitViaHeaders).
    filterIncoming: splitViaHeaders,
    // Every 2xx to a REGISTER restarts the keeper's clock.
    afterIncoming: message => {
      const granted = registerOkExpires(message, ua.contactUser, EXPIRES);
      if (granted !== null && wanted) keeper?.answered(granted);
    },
  });
  // Renewal, wake-up checks and dead-connection detection (registration.ts).
  const k = new RegistrationKeeper(ua, () => socket.drop(), () => { try { ua.connect(); } catch { /* recovers */ } });
  keeper = k;
  // Offline: phone.ts closed the socket on purpose and reconnects on 'online'.
  const unwatch = watchWake(slept => { if (wanted && navigator.onLine !== false) k.wake(slept); });
  const reg = (registration: RegState, regReason = ''): void => store.set({ registration, regReason });
  ua.on('connecting', () => { if (store.state.registration !== 'registered' || !ua.isConnected()) reg('connecting'); });
  ua.on('connected', () => { backoff.reset(); reg('registering'); });
  ua.on('disconnected', e => {
    if (!wanted) return;
    reg('connecting', 'Reconnecting…');
    if (e?.error) onError(`Network error: connection to the SIP server lost (${e.reason || e.code || 'WebSocket closed'})`);
  });
  ua.on('registered', () => {
    reg('registered');
    if (store.state.error.startsWith('Network error')) store.set({ error: '' }); // recovered
  });
  ua.on('unregistered', () => { if (!wanted) reg('unregistered'); });
  ua.on('registrationFailed', e => {
    const r = e.response;
    const reason = r ? `${r.status_code} ${r.reason_phrase}` : e.cause;
    reg('failed', `Registration failed: ${reason}`);
    onError(`Registration failed: ${reason}`);
  });
  return { ua, keeper: k, markStopped: () => { wanted = false; unwatch(); k.stop(); } };
}

/** Registration is renewed at half its time (registration.ts); after a transport reconnect
 *  JsSIP re-registers on 'connected'. This forces a prompt REGISTER when a network change is
 *  seen (and drops the connection if it goes unanswered). */
export function reRegister(p: PhoneUa | null): void {
  if (p?.ua.isConnected()) p.keeper.renew();
}
