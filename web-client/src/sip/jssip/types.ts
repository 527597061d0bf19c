// The typed view of JsSIP 3.13 that the softphone uses: what the adapter (this folder) hands
// out. Nothing outside src/sip/jssip/ imports 'jssip' or reaches into its objects.

export type Originator = 'local' | 'remote' | 'system';

/** A SIP URI as JsSIP parses it. */
export interface SipUri {
  readonly user?: string | null;
  readonly host: string;
  toString(): string;
}

/** A response received by JsSIP (e.g. a 183, a 302, a 403 to REGISTER). */
export interface SipResponse {
  readonly status_code: number;
  readonly reason_phrase: string;
  readonly body?: string;
  parseHeader(name: string): { uri?: SipUri } | undefined;
}

/** A request received by JsSIP (an INVITE, an out-of-dialog NOTIFY…). */
export interface SipRequest {
  readonly method: string;
  readonly call_id: string;
  readonly body?: string;
  /** JsSIP's parsed Event header, when the request has one. */
  readonly event?: { event?: string };
  hasHeader(name: string): boolean;
  getHeader(name: string): string | undefined;
  getHeaders(name: string): string[];
  reply(code: number): void;
}

/** How a session ended or failed. */
export interface EndEvent {
  originator: Originator;
  cause?: string;
  message?: SipResponse | null;
}

/** What a REFER's progress reports (NOTIFY sipfrag status line, or a failed REFER). */
export interface ReferHandlers {
  requestSucceeded(): void;
  requestFailed(reason: string | undefined): void;
  trying(): void;
  progress(): void;
  accepted(): void;
  failed(reason: string | undefined): void;
}

export interface CallOptions {
  mediaStream: MediaStream;
  pcConfig: RTCConfiguration;
  extraHeaders?: string[];
  rtcOfferConstraints?: RTCOfferOptions;
}

/** An incoming REFER on a session: accept places the new call. */
export interface IncomingRefer {
  accept(onSession: (session: SipSessionLike) => void, options: { mediaStream: MediaStream; pcConfig: RTCConfiguration }): void;
  reject(): void;
}

export interface SessionEventMap {
  peerconnection: { peerconnection: RTCPeerConnection };
  progress: { originator: Originator; response?: SipResponse };
  accepted: Record<string, never>;
  confirmed: Record<string, never>;
  hold: { originator: Originator };
  unhold: { originator: Originator };
  muted: Record<string, never>;
  unmuted: Record<string, never>;
  ended: EndEvent;
  failed: EndEvent;
  /** An INVITE with Replaces for this session: accept() lets the new one take over. */
  replaces: { accept(): void };
  refer: IncomingRefer;
  sdp: { originator: Originator; sdp: string };
}

/** The part of a session that event consumers (and the REFER callback) get. */
export interface SipSessionLike {
  on<K extends keyof SessionEventMap>(event: K, fn: (e: SessionEventMap[K]) => void): void;
  isEnded(): boolean;
}

export type RegStateEvent = { response?: SipResponse; cause?: string };

/** The UA's events (newSession, which hands out a SipSession, is added in ua.ts). */
export interface UaEventMap {
  /** An out-of-dialog NOTIFY that no subscription of JsSIP's claimed. */
  sipEvent: { request: SipRequest };
  connecting: Record<string, never>;
  connected: Record<string, never>;
  disconnected: { error?: boolean; code?: number; reason?: string };
  registered: RegStateEvent;
  unregistered: RegStateEvent;
  registrationFailed: RegStateEvent;
  registrationExpiring: Record<string, never>;
}
