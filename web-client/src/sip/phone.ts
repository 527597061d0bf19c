// The phone: one UA, the calls, and the operations the UI triggers.
import { saveCalls, type PersistedCall } from '../media/persistence';
import { DeferredRestarts, networkAction, recoveryRetryDelay, watchNetwork } from '../media/reconnect';
import { notify } from '../media/autoplay';
import { toSipUri } from '../state/activation';
import { activeCalls, addCall, focused, newCall, removeCall, updateCall } from '../state/calls';
import type { EndInfo } from '../state/history';
import type { Settings } from '../state/settings';
import type { Store } from '../state/store';
import { CallCtl, type PhoneCtx, type Recovery } from './call';
import { PhoneEvents } from './events';
import { ctlEventOf, type IncomingRefer, type SipRequest, type SipUaEventMap } from './jssip';
import { getLocalStream, MediaError } from './media';
import { wantsAutoAnswer } from './notify';
import { createUa, reRegister, type PhoneUa, type UaConfig } from './ua';

/** The media and purpose of the next session the UA reports (ours, not the peer's). */
export interface Pending { video: boolean; stream: MediaStream | null; reuseId?: string; restore?: PersistedCall; recover?: Recovery }

export class Phone implements PhoneCtx {
  ua: PhoneUa | null = null;
  readonly ctls = new Map<string, CallCtl>();
  /** What feature modules subscribe to (sip/events.ts). */
  readonly events = new PhoneEvents();
  domain = '';
  iceServers: RTCIceServer[] = [];
  private seq = 0;
  private pending: Pending | null = null;
  private replacing: { video: boolean; old: CallCtl } | null = null;
  private unwatch: (() => void) | null = null;
  private readonly deferredIce = new DeferredRestarts<CallCtl>();
  private offlineTimer: number | undefined;

  constructor(readonly store: Store, readonly settings: () => Settings) {
    store.subscribe(() => this.persist());
  }

  error(msg: string): void { this.store.set({ error: msg }); }

  get pcConfig(): RTCConfiguration { return { iceServers: this.iceServers }; }

  start(cfg: UaConfig, domain: string, iceServers: RTCIceServer[]): void {
    this.stop();
    this.domain = domain;
    this.iceServers = iceServers;
    this.store.set({ registration: 'connecting', regReason: '' });
    const phoneUa = createUa(cfg, this.store, m => this.error(m));
    const ua = phoneUa.ua;
    ua.on('newSession', e => this.onSession(e));
    ua.on('sipEvent', e => {
      this.outOfDialogNotify(e.request);
      this.events.emit('sip:notify', { request: e.request });
    });
    // ICE restarts held back while the WebSocket was down go out once registered again.
    ua.on('registered', () => {
      this.deferredIce.flush(c => { if (c.active) c.iceRestart(); });
      this.events.emit('registered', {});
    });
    // The server closed the WebSocket: the calls' dialogs are bound to the old flow; refresh
    // them (ICE restart re-INVITE, else INVITE/Replaces) once registered again. Both ends
    // see this; only the caller acts, so that the two do not replace each other's dialog.
    ua.on('disconnected', () => {
      for (const c of this.ctls.values()) if (c.active && c.info?.status === 'connected' && c.info.direction === 'outgoing') this.deferredIce.add(c);
      this.endRingingCalls();
    });
    this.ua = phoneUa;
    ua.start();
    this.unwatch = watchNetwork(() => this.networkChanged());
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    clearInterval(this.offlineTimer);
    saveCalls([]);
    for (const c of this.ctls.values()) c.hangup();
    if (this.ua) {
      const p = this.ua;
      const ua = p.ua;
      p.markStopped();
      try { if (ua.isRegistered()) ua.unregister(); } catch { /* ignore */ }
      setTimeout(() => ua.stop(), 300);
      this.ua = null;
    }
    this.store.set({ registration: 'unregistered', regReason: '' });
  }

  /** The WebSocket an incoming call came in on is gone: JsSIP drops its INVITE transaction
   *  silently and would go on ringing a call that can no longer be answered (the 200 cannot
   *  reach the caller through the proxy's flow, nor a CANCEL reach us). End it as missed. */
  private endRingingCalls(): void {
    const ringing = [...this.ctls.values()].filter(c => c.info?.status === 'incoming');
    for (const c of ringing) c.lostWhileRinging();
    if (ringing.length) this.error('Incoming call lost: the connection to the server dropped while it was ringing');
  }

  /** Signalling is up: an in-dialog re-INVITE can be sent now. */
  get signalling(): boolean { return !!this.ua?.ua.isConnected() && this.store.state.registration === 'registered'; }

  /** ICE restart now, or once registered again when the WebSocket is down. */
  restartIce(ctl: CallCtl): void {
    if (this.signalling) ctl.iceRestart(); else this.deferredIce.add(ctl);
  }

  private networkChanged(): void {
    const p = this.ua;
    if (!p) return;
    const ua = p.ua;
    switch (networkAction(navigator.onLine !== false, ua.isConnected())) {
      case 'offline':
        // The socket is dead or about to be: close it cleanly (no backoff) and say so.
        try { ua.disconnect(); } catch { /* ignore */ }
        this.store.set({ registration: 'connecting', regReason: 'Offline: waiting for the network…' });
        for (const c of this.ctls.values()) this.deferredIce.add(c);
        clearInterval(this.offlineTimer);
        // 'online' may never come (some platforms): poll navigator.onLine as well
        this.offlineTimer = window.setInterval(() => { if (navigator.onLine !== false) this.networkChanged(); }, 3000);
        return;
      case 'reconnect':
        clearInterval(this.offlineTimer);
        for (const c of this.ctls.values()) this.deferredIce.add(c);
        this.store.set({ registration: 'connecting', regReason: 'Reconnecting…' });
        try { ua.connect(); } catch { /* JsSIP recovers by itself */ }
        return;
      case 'refresh':
        clearInterval(this.offlineTimer);
        reRegister(p);
        for (const c of this.ctls.values()) c.iceRestart();
    }
  }

  /** The dialog cannot be used any more (the re-INVITE after a reconnect failed): call the
   *  peer again with INVITE/Replaces on the same local media; the peer's phone answers a
   *  Replaces by itself and drops the old dialog. Hold and mute are carried over. While the
   *  peer cannot be reached yet (it is reconnecting too), this is retried (4 attempts, 3 s
   *  apart); the old dialog ends once the new one is confirmed, or when all attempts failed. */
  recoverCall(ctl: CallCtl, attempt = 1): void {
    const replaces = ctl.replacesHeader();
    if (!this.ua || !replaces || !ctl.localStream || ctl.session.isEnded()) return;
    if (attempt === 1) {
      const info = ctl.info;
      if (!info || ctl.replaced) return;
      ctl.replaced = true;
      ctl.cleanup(false);
      this.ctls.delete(ctl.id);
      ctl.recoverState = { remote: info.remote, video: info.video, hold: info.localHold, muted: info.muted, direction: info.direction };
      // hold and mute are applied again once the new dialog is confirmed
      this.store.calls(l => updateCall(l, ctl.id, { localHold: false, muted: false }));
    }
    const restore = ctl.recoverState!;
    this.pending = { video: restore.video, stream: ctl.localStream, reuseId: ctl.id, restore, recover: { old: ctl, attempt } };
    try {
      this.ua.ua.call(restore.remote, {
        mediaStream: ctl.localStream, pcConfig: this.pcConfig, extraHeaders: [`Replaces: ${replaces}`],
        rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: restore.video },
      });
    } catch (e) {
      this.pending = null;
      this.recoveryFailed(null, { old: ctl, attempt });
    } finally {
      this.pending = null;
    }
  }

  /** A recovery INVITE failed: try again, or give the call up as it was. */
  recoveryFailed(fresh: CallCtl | null, r: Recovery): void {
    if (fresh && this.ctls.get(fresh.id) === fresh) this.ctls.delete(fresh.id);
    const old = r.old;
    if (old.session.isEnded()) return;
    const delay = recoveryRetryDelay(r.attempt);
    if (delay !== null) {
      setTimeout(() => this.recoverCall(old, r.attempt + 1), delay);
      return;
    }
    old.replaced = false; // ends normally now: status, history
    this.ctls.set(old.id, old);
    this.error('Call lost: it could not be re-established after the connection came back');
    old.hangup();
  }

  /** Places a call; target is what the user typed (bob, 123, sip:x@y). */
  async call(target: string, video: boolean, opts: { reuseId?: string; restore?: PersistedCall } = {}): Promise<void> {
    if (!this.ua) { this.error('Call failed: not registered'); return; }
    const uri = toSipUri(target, this.domain);
    if (!uri) { this.error(`Call failed: invalid destination "${target}"`); return; }
    let stream: MediaStream;
    try {
      stream = await getLocalStream(this.settings(), video, m => this.error(m));
    } catch (e) {
      this.error(e instanceof MediaError ? e.message : `Media error: ${e}`);
      if (opts.reuseId) this.store.calls(l => removeCall(l, opts.reuseId!));
      return;
    }
    this.pending = { video, stream, ...opts };
    try {
      // A call restored after a reload takes its old dialog over (the peer answers by itself).
      const extraHeaders = opts.restore?.replaces ? [`Replaces: ${opts.restore.replaces}`] : [];
      this.ua.ua.call(uri, { mediaStream: stream, pcConfig: this.pcConfig, extraHeaders, rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: video } });
    } catch (e) {
      this.error(`Call failed: ${(e as Error).message}`);
    } finally {
      this.pending = null;
    }
  }

  /** The session the UA reports next is ours (an accepted REFER, for instance), with this media. */
  expectSession(p: Pending): void { this.pending = p; }

  private onSession(e: SipUaEventMap['newSession']): void {
    const session = e.session;
    const incoming = e.originator === 'remote';
    const p = this.pending;
    this.pending = null;
    const id = p?.reuseId ?? `call-${++this.seq}`;
    const remote = session.remoteUri;
    const name = session.remoteName;
    if (p?.recover) {
      this.store.calls(l => updateCall(l, id, { remote }));
    } else if (p?.reuseId) {
      this.store.calls(l => updateCall(l, id, { remote, redirectedTo: remote, status: 'calling' }));
    } else {
      const c = newCall(id, incoming ? 'incoming' : 'outgoing', remote, name);
      if (p?.video) c.video = true;
      this.store.calls(l => addCall(l, c));
      this.store.set({ dialerOpen: false });
    }
    const ctl = new CallCtl(this, session, id, incoming ? null : p?.stream ?? null);
    this.ctls.set(id, ctl);
    if (p?.recover) {
      const old = p.recover.old;
      ctl.recovery = p.recover;
      session.on('confirmed', () => {
        ctl.recovery = null;
        // the old dialog is gone on the proxy; end it locally (its BYE may not arrive)
        try { if (!old.session.isEnded()) old.session.terminate(); } catch { /* ignore */ }
      });
    }
    session.on('confirmed', () => this.events.emit('call:confirmed', { ctl }));
    if (p?.restore) this.restoreOnConfirm(ctl, p.restore);
    this.events.emit('call:new', { ctl });
    if (!incoming) return;
    const req = e.request;
    const headers = (n: string): string[] => { try { return req.getHeaders(n) ?? []; } catch { return []; } };
    if (this.replacing || req.hasHeader('replaces')) {
      const video = this.replacing?.video ?? false;
      const old = this.replacing?.old;
      this.replacing = null;
      void this.answer(id, video, old);
    } else if (wantsAutoAnswer(headers)) {
      void this.answer(id, /m=video/.test(req.body ?? ''));
    } else if (document.hidden) {
      notify('Incoming call', name ? `${name} <${remote}>` : remote);
    }
  }

  /** Answers a call; the others go on hold, except `replaced` (the dialog it takes over). */
  async answer(id: string, video: boolean, replaced?: CallCtl): Promise<void> {
    const ctl = this.ctls.get(id);
    if (!ctl || ctl.info?.status !== 'incoming') return;
    let stream: MediaStream;
    try {
      stream = await getLocalStream(this.settings(), video, m => this.error(m));
    } catch (e) {
      this.error(e instanceof MediaError ? e.message : `Media error: ${e}`);
      return;
    }
    // Answering while other calls run puts them on hold (unless they are in a conference).
    for (const other of this.ctls.values()) if (other !== ctl && other !== replaced && !other.info?.conference) other.setHold(true);
    ctl.answer(stream, video, this.pcConfig);
  }

  focusedCtl(): CallCtl | undefined {
    const f = focused(this.store.state.calls);
    return f ? this.ctls.get(f.id) : undefined;
  }

  callEnded(ctl: CallCtl, end: EndInfo, reason: string): void {
    this.events.emit('call:ended', { ctl, info: ctl.info, end, reason });
    setTimeout(() => {
      if (this.ctls.get(ctl.id) === ctl) this.ctls.delete(ctl.id);
      if (!this.ctls.has(ctl.id)) this.store.calls(l => removeCall(l, ctl.id));
    }, 6000);
  }

  redirect(ctl: CallCtl, target: string): void {
    this.ctls.delete(ctl.id);
    const video = !!ctl.info?.video;
    void this.call(target, video, { reuseId: ctl.id });
  }

  onTalk(ctl: CallCtl): void {
    const st = ctl.info?.status;
    if (st === 'incoming') void this.answer(ctl.id, false);
    else if (st === 'connected') ctl.setHold(false);
  }

  onHoldRequest(ctl: CallCtl): void { ctl.setHold(true); }

  onReplaces(_ctl: CallCtl, accept: () => void): void {
    this.replacing = { video: !!_ctl.info?.video, old: _ctl };
    accept();
  }

  onRefer(ctl: CallCtl, refer: IncomingRefer): void { this.events.emit('call:refer', { ctl, refer }); }

  /** NOTIFY outside a dialog (Event: talk / hold): the call with that Call-ID, else the focused one. */
  private outOfDialogNotify(request: SipRequest): void {
    const ev = ctlEventOf(request);
    if (!ev) return;
    let target: CallCtl | undefined;
    for (const c of this.ctls.values()) if (c.session.callId === request.call_id) target = c;
    target ??= [...this.ctls.values()].find(c => c.info?.status === 'incoming') ?? this.focusedCtl();
    if (!target) return;
    if (ev === 'talk') this.onTalk(target); else this.onHoldRequest(target);
  }

  /** A call restored after a reload: hold and mute as they were, once the new dialog is up. */
  private restoreOnConfirm(ctl: CallCtl, r: PersistedCall): void {
    ctl.session.on('confirmed', () => {
      setTimeout(() => {
        if (r.muted) ctl.setMuted(true);
        if (r.hold) ctl.setHold(true);
      }, 300);
    });
  }

  /** New microphone/camera selected: swap the tracks on live calls (replaceTrack). */
  async replaceDevices(): Promise<void> {
    for (const ctl of this.ctls.values()) {
      if (!ctl.pc || !ctl.active || !ctl.localStream) continue;
      const video = ctl.localStream.getVideoTracks().length > 0;
      let fresh: MediaStream;
      try { fresh = await getLocalStream(this.settings(), video, m => this.error(m)); } catch (e) { this.error((e as Error).message); continue; }
      for (const track of fresh.getTracks()) {
        const sender = ctl.pc.getSenders().find(x => x.track?.kind === track.kind);
        const old = ctl.localStream.getTracks().find(t => t.kind === track.kind);
        if (sender && !(track.kind === 'audio' && ctl.info?.conference)) await sender.replaceTrack(track).catch(() => {});
        if (old) { ctl.localStream.removeTrack(old); old.stop(); }
        ctl.localStream.addTrack(track);
        if (track.kind === 'audio' && ctl.info?.muted) track.enabled = false;
      }
    }
    this.store.set({});
  }

  mediaChanged(): void { this.store.set({}); }

  /** Calls still running, for re-establishing them after a reload. */
  private persist(): void {
    if (!this.ua || !this.settings().keepLoggedIn) return;
    const snap: PersistedCall[] = activeCalls(this.store.state.calls)
      .filter(c => c.status === 'connected' || c.direction === 'outgoing')
      .map(c => {
        const replaces = c.status === 'connected' ? this.ctls.get(c.id)?.replacesHeader() : null;
        return { remote: c.remote, video: c.video, hold: c.localHold, muted: c.muted, direction: c.direction, ...(replaces ? { replaces } : {}) };
      });
    saveCalls(snap);
  }
}
