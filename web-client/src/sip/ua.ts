// The JsSIP user agent: sockets in priority order, registration state, reconnection.
import * as JsSIP from 'jssip';
import type { Store } from '../state/store';
import { splitViaHeaders } from './wire';

export interface UaConfig {
  wsUrls: string[];
  uri: string;
  authName: string;
  password: string;
  displayName: string;
}

// The platform challenges User-Agents that START with "JsSIP" with MD5 only (prefix match).
export const USER_AGENT = 'JsSIP 3.13.8 (Switchboard Phone)';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function createUa(cfg: UaConfig, store: Store, onError: (m: string) => void): any {
  // JsSIP picks the socket with the highest weight and fails over to the next one.
  const sockets = cfg.wsUrls.map((url, i) => ({ socket: new JsSIP.WebSocketInterface(url), weight: cfg.wsUrls.length - i }));
  const ua: any = new JsSIP.UA({
    sockets,
    uri: cfg.uri,
    authorization_user: cfg.authName || undefined,
    password: cfg.password,
    display_name: cfg.displayName || undefined,
    register: true,
    register_expires: 600,
    session_timers: false,
    user_agent: USER_AGENT,
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 8,
    no_answer_timeout: 120,
  } as any);
  // One Via line per hop before JsSIP parses a message (see splitViaHeaders).
  const transport = ua._transport;
  if (transport?.ondata) {
    const ondata = transport.ondata;
    transport.ondata = (d: any) => ondata(typeof d?.message === 'string' ? { ...d, message: splitViaHeaders(d.message) } : d);
  }
  let wanted = true;
  const reg = (registration: any, regReason = '') => store.set({ registration, regReason });
  ua.on('connecting', () => { if (store.state.registration !== 'registered' || !ua.isConnected()) reg('connecting'); });
  ua.on('connected', () => reg('registering'));
  ua.on('disconnected', (e: any) => {
    if (!wanted) return;
    reg('connecting', 'Reconnecting…');
    if (e?.error) onError(`Network error: connection to the SIP server lost (${e.code ?? 'WebSocket closed'})`);
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
  ua.markStopped = () => { wanted = false; };
  return ua;
}

/** Registration is renewed by JsSIP before expiry; after a transport reconnect JsSIP
 *  re-registers on 'connected'. This forces a prompt REGISTER when a network change is seen. */
export function reRegister(ua: any): void {
  if (ua?.isConnected()) ua.register();
}
