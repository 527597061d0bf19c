// The JsSIP user agent: sockets in priority order, registration state, reconnection.
import * as JsSIP from 'jssip';
import type { Store } from '../state/store';
import { splitViaHeaders } from './wire';
import { FailoverSocket, installBackoff, reconnectBackoff } from './failover';
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

/* eslint-disable @typescript-eslint/no-explicit-any */
export function createUa(cfg: UaConfig, store: Store, onError: (m: string) => void): any {
  // One socket that fails over across the URLs in priority order (see failover.ts).
  const socket = new FailoverSocket(cfg.wsUrls, url => new JsSIP.WebSocketInterface(url) as any);
  socket.onserver = (url, connected) => store.set({ server: connected ? url ?? '' : '' });
  const ua: any = new JsSIP.UA({
    sockets: [socket],
    uri: cfg.uri,
    authorization_user: cfg.authName || undefined,
    password: cfg.password,
    display_name: cfg.displayName || undefined,
    register: true,
    register_expires: EXPIRES,
    session_timers: false,
    user_agent: USER_AGENT,
    no_answer_timeout: 120,
  } as any);
  let wanted = true;
  const transport = ua._transport;
  const backoff = reconnectBackoff();
  installBackoff(transport, backoff);
  // Renewal, wake-up checks and dead-connection detection (registration.ts).
  const keeper = new RegistrationKeeper(ua, () => socket.drop(), () => { try { transport.connect(); } catch { /* recovers */ } });
  ua.keeper = keeper;
  // One Via line per hop before JsSIP parses a message (see splitViaHeaders); every 2xx to a
  // REGISTER restarts the keeper's clock.
  const ondata = transport.ondata;
  transport.ondata = (d: any) => {
    const message = typeof d?.message === 'string' ? splitViaHeaders(d.message) : null;
    ondata(message === null ? d : { ...d, message });
    const granted = message === null ? null : registerOkExpires(message, ua.contact?.uri?.user ?? '', EXPIRES);
    if (granted !== null && wanted) keeper.answered(granted);
  };
  // Offline: phone.ts closed the socket on purpose and reconnects on 'online'.
  const unwatch = watchWake(slept => { if (wanted && navigator.onLine !== false) keeper.wake(slept); });
  const reg = (registration: any, regReason = '') => store.set({ registration, regReason });
  ua.on('connecting', () => { if (store.state.registration !== 'registered' || !ua.isConnected()) reg('connecting'); });
  ua.on('connected', () => { backoff.reset(); reg('registering'); });
  ua.on('disconnected', (e: any) => {
    if (!wanted) return;
    reg('connecting', 'Reconnecting…');
    if (e?.error) onError(`Network error: connection to the SIP server lost (${e.reason || e.code || 'WebSocket closed'})`);
  });
  ua.on('registered', () => {
    reg('registered');
    if (store.state.error.startsWith('Network error')) store.set({ error: '' }); // recovered
  });
  ua.on('unregistered', () => { if (!wanted) reg('unregistered'); });
  ua.on('registrationFailed', (e: any) => {
    const r = e.response;
    const reason = r ? `${r.status_code} ${r.reason_phrase}` : e.cause;
    reg('failed', `Registration failed: ${reason}`);
    onError(`Registration failed: ${reason}`);
  });
  ua.markStopped = () => { wanted = false; unwatch(); keeper.stop(); };
  return ua;
}

/** Registration is renewed at half its time (registration.ts); after a transport reconnect
 *  JsSIP re-registers on 'connected'. This forces a prompt REGISTER when a network change is
 *  seen (and drops the connection if it goes unanswered). */
export function reRegister(ua: any): void {
  if (ua?.isConnected()) ua.keeper.renew();
}
