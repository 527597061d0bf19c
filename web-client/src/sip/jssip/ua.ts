// The JsSIP user agent behind a typed face: the only module that imports 'jssip'. It also
// holds the transport internals the softphone changes (message filter, reconnection backoff).
import * as JsSIP from 'jssip';
import type { Backoff } from '../../media/reconnect';
import type { SipSocket } from '../failover';
import { installBackoff, type RecoveringTransport } from './transport';
import { wrapSession, type RawSession, type SipSession } from './session';
import type { CallOptions, Originator, SipRequest, UaEventMap } from './types';

export interface UaSettings {
  socket: SipSocket;
  uri: string;
  authName?: string;
  password: string;
  displayName?: string;
  registerExpires: number;
  userAgent: string;
  /** Replaces JsSIP's random reconnection delay. */
  backoff: Backoff;
  /** Sees every message from the server before JsSIP parses it; may return a fixed text. */
  filterIncoming(message: string): string;
  /** Called with each incoming message after JsSIP has handled it. */
  afterIncoming(message: string): void;
}

/** JsSIP's Transport (3.13 internals) as far as used here. */
interface RawTransport extends RecoveringTransport {
  ondata: (d: { message?: unknown }) => void;
  disconnect(): void;
}

type Listener = (e: never) => void;

interface RawUa {
  on(event: string, fn: Listener): void;
  start(): void;
  stop(): void;
  register(): void;
  unregister(): void;
  isRegistered(): boolean;
  isConnected(): boolean;
  call(target: string, o: CallOptions): void;
  readonly _transport: RawTransport;
  readonly contact?: { uri?: { user?: string } };
}

interface RawNewSession { session: RawSession; originator: Originator; request: SipRequest }

export interface SipUaEventMap extends UaEventMap {
  /** A new session: ours (call(), an accepted REFER) or the peer's (an INVITE). */
  newSession: { session: SipSession; originator: Originator; request: SipRequest };
}

export class SipUa {
  private constructor(private readonly raw: RawUa) {}

  static open(s: UaSettings): SipUa {
    const config = {
      sockets: [s.socket],
      uri: s.uri,
      authorization_user: s.authName || undefined,
      password: s.password,
      display_name: s.displayName || undefined,
      register: true,
      register_expires: s.registerExpires,
      session_timers: false,
      user_agent: s.userAgent,
      no_answer_timeout: 120,
    };
    // JsSIP's declarations want its own Socket class; FailoverSocket has the same shape.
    const ua = new JsSIP.UA(config as unknown as ConstructorParameters<typeof JsSIP.UA>[0]) as unknown as RawUa;
    const transport = ua._transport;
    installBackoff(transport, s.backoff);
    const ondata = transport.ondata;
    transport.ondata = d => {
      const message = typeof d?.message === 'string' ? s.filterIncoming(d.message) : null;
      ondata(message === null ? d : { ...d, message });
      if (message !== null) s.afterIncoming(message);
    };
    return new SipUa(ua);
  }

  /** A WebSocket JsSIP can use (for FailoverSocket). */
  static webSocket(url: string): SipSocket {
    return new JsSIP.WebSocketInterface(url) as unknown as SipSocket;
  }

  on<K extends keyof SipUaEventMap>(event: K, fn: (e: SipUaEventMap[K]) => void): void {
    if (event === 'newSession') {
      this.raw.on('newRTCSession', ((e: RawNewSession) =>
        (fn as (x: SipUaEventMap['newSession']) => void)({ session: wrapSession(e.session), originator: e.originator, request: e.request })) as Listener);
      return;
    }
    this.raw.on(event, ((e: SipUaEventMap[K] | undefined) => fn(e ?? ({} as SipUaEventMap[K]))) as Listener);
  }

  start(): void { this.raw.start(); }
  stop(): void { this.raw.stop(); }
  register(): void { this.raw.register(); }
  unregister(): void { this.raw.unregister(); }
  isRegistered(): boolean { return this.raw.isRegistered(); }
  isConnected(): boolean { return this.raw.isConnected(); }

  /** INVITE; the session arrives through 'newSession' before this returns. */
  call(target: string, o: CallOptions): void { this.raw.call(target, o); }

  /** Opens the connection now (a failover round). */
  connect(): void { this.raw._transport.connect(); }
  /** Closes the connection cleanly, without JsSIP's recovery. */
  disconnect(): void { this.raw._transport.disconnect(); }

  /** The random user part of our Contact (JsSIP's). */
  get contactUser(): string { return this.raw.contact?.uri?.user ?? ''; }
}

