// One call: wraps a SIP session (jssip/session.ts) and mirrors its events into the call list.
import { QualityMonitor, type CallQuality } from '../media/quality';
import { applySink } from '../media/devices';
import { SenderPause } from '../media/senderpause';
import type { PersistedCall } from '../media/persistence';
import { holdState, setHold, setStatus, updateCall, type CallInfo } from '../state/calls';
import type { EndInfo } from '../state/history';
import type { Store } from '../state/store';
import type { Settings } from '../state/settings';
import { redirectTarget } from '../state/activation';
import { stopStream } from './media';
import type { EndEvent, IncomingRefer, SipSession } from './jssip';
import { replacesValue } from './resilience';

/** A call being re-established with INVITE/Replaces: the call it takes over, which attempt. */
export interface Recovery { old: CallCtl; attempt: number }

export interface PhoneCtx {
  store: Store;
  domain: string;
  settings(): Settings;
  error(msg: string): void;
  callEnded(ctl: CallCtl, end: EndInfo, reason: string): void;
  redirect(ctl: CallCtl, target: string): void;
  onTalk(ctl: CallCtl): void;
  onHoldRequest(ctl: CallCtl): void;
  onReplaces(ctl: CallCtl, accept: () => void): void;
  onRefer(ctl: CallCtl, refer: IncomingRefer): void;
  mediaChanged(ctl: CallCtl): void;
  restartIce(ctl: CallCtl): void;
  recoverCall(ctl: CallCtl): void;
  recoveryFailed(fresh: CallCtl | null, r: Recovery): void;
}

export class CallCtl {
  pc: RTCPeerConnection | null = null;
  readonly remoteStream = new MediaStream();
  readonly audio: HTMLAudioElement;
  quality: CallQuality | null = null;
  tones = '';
  private monitor: QualityMonitor | null = null;
  private iceTimer: number | undefined;
  private redirected = false;
  /** Set when a new dialog (INVITE with Replaces) took this call over. */
  replaced = false;
  /** What the call was (hold, mute…) when its re-establishment started. */
  recoverState: PersistedCall | null = null;
  /** Set while this session re-establishes another call (until confirmed). */
  recovery: Recovery | null = null;
  private iceRestarting = false;
  private lost = false;
  private dtmfHooked = new WeakSet<RTCDTMFSender>();
  private readonly paused = new SenderPause();

  constructor(private phone: PhoneCtx, public session: SipSession, readonly id: string,
              public localStream: MediaStream | null) {
    this.audio = document.createElement('audio');
    this.audio.autoplay = true;
    this.audio.dataset.callId = id;
    this.audio.srcObject = this.remoteStream;
    document.body.appendChild(this.audio);
    void applySink(this.audio, phone.settings().speaker).catch(() => {});
    this.bind();
  }

  get info(): CallInfo | undefined { return this.phone.store.state.calls.calls.find(c => c.id === this.id); }
  private patch(p: Partial<CallInfo>): void { this.phone.store.calls(l => updateCall(l, this.id, p)); }

  private bind(): void {
    const s = this.session;
    s.keepOnTransportError();
    // 408/481 to the ICE-restart re-INVITE (the dialog is unknown after a server restart):
    // re-establish the call instead of hanging up.
    s.onDialogError(hangUp => {
      if (this.iceRestarting && s.isEstablished()) { this.iceRestarting = false; this.phone.recoverCall(this); } else hangUp();
    });
    s.interceptCtlNotify(ev => ev === 'talk' ? this.phone.onTalk(this) : this.phone.onHoldRequest(this));
    if (s.connection) this.attachPc(s.connection);
    s.on('peerconnection', e => this.attachPc(e.peerconnection));
    s.on('progress', e => {
      if (e.originator !== 'remote') return; // our own 180 on an incoming call
      if (this.recovery) return; // re-establishing a connected call: it does not ring
      const r = e.response;
      const early = !!(r && r.status_code === 183 && r.body);
      this.phone.store.calls(l => setStatus(l, this.id, 'ringing', early ? { earlyMedia: true } : {}));
    });
    s.on('accepted', () => this.phone.store.calls(l => setStatus(l, this.id, 'connected')));
    s.on('confirmed', () => {
      this.phone.store.calls(l => setStatus(l, this.id, 'connected'));
      this.startMonitor();
    });
    s.on('hold', e => {
      if (e.originator === 'local') this.pauseSenders();
      this.phone.store.calls(l => setHold(l, this.id, e.originator === 'local' ? 'local' : 'remote', true));
    });
    s.on('unhold', e => {
      if (e.originator === 'local') this.resumeSenders();
      this.phone.store.calls(l => setHold(l, this.id, e.originator === 'local' ? 'local' : 'remote', false));
    });
    s.on('muted', () => this.patch({ muted: true }));
    s.on('unmuted', () => this.patch({ muted: false }));
    s.on('ended', e => this.finish('ended', e));
    s.on('failed', e => this.onFailed(e));
    s.on('replaces', e => this.phone.onReplaces(this, () => e.accept()));
    s.on('refer', e => this.phone.onRefer(this, e));
    s.on('sdp', e => {
      if (e.originator === 'remote' && /m=video/.test(e.sdp)) this.patch({ video: true });
    });
  }

  /** Ends an incoming call that cannot be answered any more (its transport is gone). */
  lostWhileRinging(): void {
    this.lost = true;
    try {
      this.session.terminate({ status_code: 480, reason_phrase: 'Temporarily Unavailable' });
    } catch {
      this.finish('ended', { originator: 'system', cause: 'Connection lost' });
    }
  }

  private onFailed(e: EndEvent): void {
    if (this.lost) { this.finish('ended', { originator: 'system', cause: 'Connection lost' }); return; }
    if (this.replaced) { this.cleanup(false); return; }
    if (this.recovery) { const r = this.recovery; this.recovery = null; this.cleanup(false); this.phone.recoveryFailed(this, r); return; }
    const msg = e.message;
    const code: number | undefined = msg?.status_code;
    if (e.cause === 'Redirected' && msg && !this.redirected) {
      try {
        const contact = msg.parseHeader('contact');
        if (contact?.uri) {
          this.redirected = true;
          this.cleanup();
          this.phone.redirect(this, redirectTarget(contact.uri, this.phone.domain, contact.uri.toString()));
          return;
        }
      } catch { /* fall through to a failure */ }
    }
    const info = this.info;
    const normal = e.originator === 'local' || e.cause === 'Canceled' || e.cause === 'Rejected' && info?.direction === 'incoming'
      || (info?.direction === 'incoming' && (e.cause === 'Canceled' || e.cause === 'Terminated'));
    if (!normal) {
      const reason = code ? `${code} ${msg?.reason_phrase}` : e.cause;
      this.phone.error(`Call failed: ${reason}`);
    }
    this.finish(normal ? 'ended' : 'error', e);
  }

  private finish(status: 'ended' | 'error', e: EndEvent): void {
    if (this.replaced) { this.cleanup(false); return; } // a new dialog carries this call on
    const msg = e.message;
    const code: number | undefined = msg?.status_code;
    const reason = code ? `${code} ${msg?.reason_phrase ?? ''}`.trim() : (e.cause === 'Terminated' || e.cause === 'Bye' ? '' : (e.cause ?? ''));
    const originator = e.originator === 'local' ? 'local' : e.originator === 'remote' ? 'remote' : 'system';
    this.phone.store.calls(l => setStatus(l, this.id, status, { reason }));
    this.cleanup();
    this.phone.callEnded(this, { originator, statusCode: code, cause: e.cause }, reason);
  }

  cleanup(stopLocal = true): void {
    this.monitor?.stop();
    this.monitor = null;
    clearTimeout(this.iceTimer);
    if (stopLocal) stopStream(this.localStream);
    this.audio.srcObject = null;
    this.audio.remove();
  }

  private attachPc(pc: RTCPeerConnection): void {
    if (this.pc === pc) return;
    this.pc = pc;
    pc.addEventListener('track', ev => {
      if (!this.remoteStream.getTracks().includes(ev.track)) this.remoteStream.addTrack(ev.track);
      ev.track.addEventListener('ended', () => this.remoteStream.removeTrack(ev.track));
      if (ev.track.kind === 'video') this.patch({ video: true });
      this.phone.mediaChanged(this);
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      const st = pc.iceConnectionState;
      clearTimeout(this.iceTimer);
      if (st === 'failed') this.phone.restartIce(this);
      else if (st === 'disconnected') this.iceTimer = window.setTimeout(() => {
        if (pc.iceConnectionState === 'disconnected') this.phone.restartIce(this);
      }, 3000);
    });
  }

  private startMonitor(): void {
    if (!this.pc || this.monitor) return;
    this.monitor = new QualityMonitor(this.pc, q => {
      this.quality = q;
      if (this.info?.quality !== q.color) this.patch({ quality: q.color });
    });
    this.monitor.start();
  }

  /** ICE restart re-INVITE (network change or ICE failure). JsSIP's renegotiate() hangs
   *  up when the re-INVITE fails; here a failure (e.g. the proxy cannot reach us over the
   *  WebSocket flow the dialog was set up on: 480/430) re-establishes the call instead. */
  iceRestart(): boolean {
    const s = this.session;
    if (!s.canReOffer()) return false;
    this.iceRestarting = true;
    return s.iceRestart({
      succeeded: () => { this.iceRestarting = false; },
      failed: () => { this.iceRestarting = false; if (!s.isEnded()) this.phone.recoverCall(this); },
    });
  }

  /** Dialog identifiers for a Replaces header (RFC 3891), null before the dialog exists. */
  replacesHeader(): string | null {
    const id = this.session.dialogId();
    return id ? replacesValue(id.callId, id.localTag, id.remoteTag) : null;
  }

  get active(): boolean { return !this.session.isEnded(); }

  answer(stream: MediaStream, video: boolean, pcConfig: RTCConfiguration): void {
    this.localStream = stream;
    this.patch({ video: video && stream.getVideoTracks().length > 0 });
    this.session.answer(stream, pcConfig);
  }

  reject(): void { if (!this.session.isEnded()) this.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' }); }

  hangup(): void { if (!this.session.isEnded()) this.session.terminate(); }

  setMuted(on: boolean): void {
    if (on) this.session.mute(); else this.session.unmute();
    this.patch({ muted: on });
  }

  setHold(on: boolean): boolean {
    const info = this.info;
    if (!info || info.status !== 'connected') return false;
    if (on === info.localHold) return true;
    return on ? this.session.hold() : this.session.unhold(() => this.reenableAudio());
  }

  /** After a resume, the microphone track must be live again unless the user muted it:
   *  JsSIP re-enables only the tracks attached at the moment it resumes, and ours may be
   *  put back a moment later (SenderPause), so this settles the state once the re-INVITE is done. */
  private reenableAudio(): void {
    if (!this.pc || this.info?.muted || this.info?.localHold) return;
    for (const sender of this.pc.getSenders()) {
      if (sender.track && sender.track.kind === 'audio') sender.track.enabled = true;
    }
  }

  /** On hold (sendonly, no music on hold) nothing is sent: the senders' tracks are taken
   *  off (no RTP at all) and put back on resume. */
  /** Stops (or resumes) sending on this call without any signalling. */
  silence(on: boolean): void { if (on) this.pauseSenders(); else if (!this.info?.localHold) this.resumeSenders(); }

  private pauseSenders(): void { if (this.pc) this.paused.pause(this.pc.getSenders()); }
  private resumeSenders(): void { this.paused.resume(!this.info?.muted); }

  holdFlag(): string { const i = this.info; return i ? holdState(i) : 'none'; }

  dtmf(tone: string): void {
    const sender = this.pc?.getSenders().find(s => s.track?.kind === 'audio' || s.dtmf);
    const dtmf = sender?.dtmf;
    if (dtmf && !this.dtmfHooked.has(dtmf)) {
      this.dtmfHooked.add(dtmf);
      dtmf.addEventListener('tonechange', ev => { if ((ev as RTCDTMFToneChangeEvent).tone) this.tones += (ev as RTCDTMFToneChangeEvent).tone; });
    }
    this.session.sendDTMF(tone);
  }
}
