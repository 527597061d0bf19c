// One JsSIP RTCSession behind a typed face, with the session internals the softphone relies on
// (each one explained where it is used). The raw session never leaves this folder.
import type {
  CallOptions, EndEvent, IncomingRefer, ReferHandlers, SessionEventMap, SipRequest, SipResponse, SipSessionLike, SipUri,
} from './types';

type Listener = (e: never) => void;

/** What the adapter uses of a JsSIP 3.13 RTCSession, public API and internals. */
export interface RawSession {
  on(event: string, fn: Listener): void;
  readonly remote_identity?: { uri?: SipUri; display_name?: string };
  readonly connection?: RTCPeerConnection | null;
  isEnded(): boolean;
  isEstablished(): boolean;
  isReadyToReOffer(): boolean;
  answer(o: { mediaStream: MediaStream; pcConfig: RTCConfiguration }): void;
  terminate(o?: { status_code?: number; reason_phrase?: string }): void;
  hold(): boolean;
  unhold(o: object, done: () => void): boolean;
  mute(o: { audio: boolean }): void;
  unmute(o: { audio: boolean }): void;
  sendDTMF(tones: string, o: { transportType: string; duration: number; interToneGap: number }): void;
  renegotiate(): boolean;
  refer(target: string | SipUri, o: { replaces?: RawSession; eventHandlers: RawReferHandlers }): void;
  // internals (JsSIP 3.13)
  receiveRequest(request: SipRequest): void;
  onTransportError?: () => void;
  onDialogError?: () => void;
  _sendReinvite(o: { rtcOfferConstraints: RTCOfferOptions; eventHandlers: { succeeded(): void; failed(): void } }): void;
  _dialog?: { id?: { call_id: string; local_tag: string; remote_tag: string }; uac_pending_reply?: boolean } | null;
  _request?: { call_id?: string } | null;
}

interface RawReferHandlers {
  requestSucceeded(): void;
  requestFailed(e?: { response?: SipResponse; cause?: string }): void;
  trying(): void;
  progress(): void;
  accepted(): void;
  failed(e?: { status_line?: { status_code: number; reason_phrase: string }; cause?: string }): void;
}

interface RawRefer {
  accept(init: (s: RawSession) => void, o: { mediaStream: MediaStream; pcConfig: RTCConfiguration }): void;
  reject(): void;
}

export type CtlEvent = 'talk' | 'hold';

/** Event: talk / Event: hold of a NOTIFY (third-party call control), else null. */
export function ctlEventOf(request: Pick<SipRequest, 'event'> & Partial<Pick<SipRequest, 'getHeader'>>): CtlEvent | null {
  const ev = String(request?.event?.event ?? (request?.getHeader?.('Event') ?? '')).trim().toLowerCase().split(';')[0];
  return ev === 'talk' || ev === 'hold' ? ev : null;
}

/** JsSIP answers an in-dialog NOTIFY that is not a REFER progress with 489, and an
 *  unconfirmed session's NOTIFY with 403: the talk/hold ones are answered 200 here first. */
export function interceptCtlNotify(session: Pick<RawSession, 'receiveRequest'>, onEvent: (ev: CtlEvent) => void): void {
  const original = session.receiveRequest.bind(session);
  session.receiveRequest = (request: SipRequest) => {
    if (request.method === 'NOTIFY') {
      const ev = ctlEventOf(request);
      if (ev) {
        request.reply(200);
        onEvent(ev);
        return;
      }
    }
    return original(request);
  };
}

/** Calls survive a lost WebSocket. JsSIP ends a session (500 "Connection Error") whenever any
 *  of its transactions sees a transport error: the challenged initial INVITE's transaction
 *  lingers for 32 s, in-dialog requests (re-INVITE, NOTIFY) too. An established call's media
 *  does not depend on the WebSocket, so it is kept and signalling resumes after the
 *  reconnect (the ICE restart re-INVITE goes out once registered again). */
export function keepCallOnTransportError(session: Pick<RawSession, 'onTransportError' | 'isEstablished' | '_dialog'>): void {
  const original = session.onTransportError?.bind(session);
  if (!original) return;
  session.onTransportError = () => {
    if (session.isEstablished?.()) {
      // A re-INVITE lost with the socket would otherwise block every later re-INVITE.
      if (session._dialog) session._dialog.uac_pending_reply = false;
      return;
    }
    original();
  };
}

const reasonOfResponse = (e?: { response?: SipResponse; cause?: string }): string | undefined =>
  e?.response ? `${e.response.status_code} ${e.response.reason_phrase}` : e?.cause;
const reasonOfStatusLine = (e?: { status_line?: { status_code: number; reason_phrase: string }; cause?: string }): string | undefined =>
  e?.status_line ? `${e.status_line.status_code} ${e.status_line.reason_phrase}` : e?.cause;

const wrappers = new WeakMap<RawSession, SipSession>();

/** The one SipSession of a raw JsSIP session. */
export function wrapSession(raw: RawSession): SipSession {
  let s = wrappers.get(raw);
  if (!s) {
    s = new SipSession(raw);
    wrappers.set(raw, s);
  }
  return s;
}

export class SipSession implements SipSessionLike {
  constructor(private readonly raw: RawSession) {}

  on<K extends keyof SessionEventMap>(event: K, fn: (e: SessionEventMap[K]) => void): void {
    if (event === 'refer') {
      this.raw.on('refer', ((e: RawRefer) => (fn as (r: IncomingRefer) => void)(this.incomingRefer(e))) as Listener);
      return;
    }
    this.raw.on(event, ((e: SessionEventMap[K] | undefined) => fn(e ?? ({} as SessionEventMap[K]))) as Listener);
  }

  private incomingRefer(e: RawRefer): IncomingRefer {
    return {
      accept: (onSession, options) => e.accept(raw => onSession(wrapSession(raw)), options),
      reject: () => e.reject(),
    };
  }

  /** The peer's address (empty before known). */
  get remoteUri(): string { return this.raw.remote_identity?.uri?.toString() ?? ''; }
  get remoteName(): string { return this.raw.remote_identity?.display_name ?? ''; }
  get connection(): RTCPeerConnection | null { return this.raw.connection ?? null; }

  isEnded(): boolean { return this.raw.isEnded(); }
  isEstablished(): boolean { return !!this.raw.isEstablished?.(); }
  answer(stream: MediaStream, pcConfig: RTCConfiguration): void { this.raw.answer({ mediaStream: stream, pcConfig }); }
  terminate(status?: { status_code: number; reason_phrase: string }): void { this.raw.terminate(status); }
  hold(): boolean { return this.raw.hold(); }
  unhold(done: () => void): boolean { return this.raw.unhold({}, done); }
  mute(): void { this.raw.mute({ audio: true }); }
  unmute(): void { this.raw.unmute({ audio: true }); }
  sendDTMF(tone: string): void { this.raw.sendDTMF(tone, { transportType: 'RFC2833', duration: 160, interToneGap: 80 }); }
  renegotiate(): void { this.raw.renegotiate(); }

  /** REFER to a target (blind), or with Replaces of another of our sessions (attended). */
  refer(target: string | null, handlers: ReferHandlers, replaces?: SipSession): void {
    const eventHandlers: RawReferHandlers = {
      requestSucceeded: () => handlers.requestSucceeded(),
      requestFailed: e => handlers.requestFailed(reasonOfResponse(e)),
      trying: () => handlers.trying(),
      progress: () => handlers.progress(),
      accepted: () => handlers.accepted(),
      failed: e => handlers.failed(reasonOfStatusLine(e)),
    };
    const to = replaces ? replaces.raw.remote_identity?.uri ?? replaces.remoteUri : target ?? '';
    this.raw.refer(to, replaces ? { replaces: replaces.raw, eventHandlers } : { eventHandlers });
  }

  // ---- internals ----

  /** See keepCallOnTransportError. */
  keepOnTransportError(): void { keepCallOnTransportError(this.raw); }

  /** See interceptCtlNotify. */
  interceptCtlNotify(onEvent: (ev: CtlEvent) => void): void { interceptCtlNotify(this.raw, onEvent); }

  /** A 408/481 to an in-dialog request: `handler` decides, `fallback` is JsSIP's own (hang up). */
  onDialogError(handler: (fallback: () => void) => void): void {
    const original = this.raw.onDialogError?.bind(this.raw);
    if (original) this.raw.onDialogError = () => handler(original);
  }

  /** Established, and no offer/answer exchange in progress. */
  canReOffer(): boolean { return !!this.raw.isEstablished?.() && !!this.raw.isReadyToReOffer?.(); }

  /** ICE restart re-INVITE. JsSIP's renegotiate() hangs up when the re-INVITE fails; this
   *  reports the failure instead. False when the session cannot re-offer now. */
  iceRestart(handlers: { succeeded(): void; failed(): void }): boolean {
    const s = this.raw;
    if (!this.canReOffer()) return false;
    s._sendReinvite({ rtcOfferConstraints: { iceRestart: true }, eventHandlers: handlers });
    return true;
  }

  /** The dialog's identifiers, null before the dialog exists. */
  dialogId(): { callId: string; localTag: string; remoteTag: string } | null {
    const id = this.raw._dialog?.id;
    return id ? { callId: id.call_id, localTag: id.local_tag, remoteTag: id.remote_tag } : null;
  }

  /** The Call-ID of the session's initial INVITE. */
  get callId(): string | undefined { return this.raw._request?.call_id; }
}

export type { EndEvent, CallOptions };
