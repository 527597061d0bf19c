// Transfers, incoming REFER, out-of-dialog NOTIFY, conference, screen sharing, tones,
// and restoring calls after a reload.
import { ConferenceMixer } from '../media/conference';
import type { PersistedCall } from '../media/persistence';
import { TonePlayer } from '../media/tones';
import { toSipUri } from '../state/activation';
import { activeCalls, updateCall } from '../state/calls';
import type { CallCtl } from './call';
import { audioCtx, getLocalStream } from './media';
import { ctlEventOf } from './notify';
import type { Phone } from './phone';
import { ScreenShareCtl } from './video';

/* eslint-disable @typescript-eslint/no-explicit-any */
export class Extras {
  mixer: ConferenceMixer | null = null;
  readonly screen: ScreenShareCtl;
  private tones: TonePlayer | null = null;
  private tone = '';
  private confAudio: HTMLAudioElement | null = null;

  constructor(private phone: Phone) {
    this.screen = new ScreenShareCtl(phone);
    phone.store.subscribe(() => this.updateTones());
  }

  // ---- transfers ----
  private referHandlers(ctl: CallCtl, endOnSuccess: CallCtl[]) {
    return {
      // Hold only once the REFER is accepted: a hold re-INVITE sent together with the REFER
      // can overtake it through the proxy, and JsSIP answers the late lower-CSeq REFER 500.
      requestSucceeded: () => { ctl.transferEvent({ type: 'notify', status: 100 }); ctl.setHold(true); },
      requestFailed: (e: any) => this.transferFailed(ctl, e?.response ? `${e.response.status_code} ${e.response.reason_phrase}` : e?.cause),
      trying: () => ctl.transferEvent({ type: 'notify', status: 100 }),
      progress: () => ctl.transferEvent({ type: 'notify', status: 180 }),
      accepted: () => {
        ctl.transferEvent({ type: 'notify', status: 200 });
        setTimeout(() => endOnSuccess.forEach(c => c.hangup()), 500);
      },
      failed: (e: any) => this.transferFailed(ctl, e?.status_line ? `${e.status_line.status_code} ${e.status_line.reason_phrase}` : e?.cause),
    };
  }

  private transferFailed(ctl: CallCtl, reason: string): void {
    ctl.transferEvent({ type: 'failed' });
    this.phone.error(`Transfer failed: ${reason ?? 'unknown reason'}`);
    ctl.setHold(false);
  }

  blindTransfer(ctl: CallCtl, target: string): void {
    const uri = toSipUri(target, this.phone.domain);
    if (!uri) { this.phone.error(`Transfer failed: invalid target "${target}"`); return; }
    ctl.transferEvent({ type: 'start' });
    try {
      ctl.session.refer(uri, { eventHandlers: this.referHandlers(ctl, [ctl]) });
    } catch (e) {
      this.transferFailed(ctl, (e as Error).message);
    }
  }

  attendedTransfer(ctl: CallCtl, other: CallCtl): void {
    ctl.transferEvent({ type: 'start' });
    try {
      ctl.session.refer(other.session.remote_identity.uri, { replaces: other.session, eventHandlers: this.referHandlers(ctl, [ctl, other]) });
    } catch (e) {
      this.transferFailed(ctl, (e as Error).message);
    }
  }

  /** Incoming REFER: place the new call; the original ends when it is answered. */
  async acceptRefer(ctl: CallCtl, ev: any): Promise<void> {
    const video = !!ctl.info?.video;
    let stream: MediaStream;
    try {
      stream = await getLocalStream(this.phone.settings(), video, m => this.phone.error(m));
    } catch (e) {
      this.phone.error((e as Error).message);
      ev.reject();
      return;
    }
    // The transferor has put this call on hold already: stop sending on it locally, without
    // a hold re-INVITE of our own (two crossing re-INVITEs: 491, and JsSIP hangs up on a
    // failed hold). Sending resumes if the new call fails.
    ctl.silence(true);
    (this.phone as any).pending = { video, stream };
    ev.accept((newSession: any) => {
      // The transferor ends the old call once it has our NOTIFY 200 (RFC 5589); our own BYE
      // is only a fallback, late enough not to overtake that NOTIFY through the proxy.
      newSession.on('confirmed', () => setTimeout(() => ctl.hangup(), 2000));
      newSession.on('failed', () => ctl.silence(false));
    }, { mediaStream: stream, pcConfig: this.phone.pcConfig });
  }

  /** NOTIFY outside a dialog (Event: talk / hold): the call with that Call-ID, else the focused one. */
  outOfDialogNotify(request: any): void {
    const ev = ctlEventOf(request);
    if (!ev) return;
    let target: CallCtl | undefined;
    for (const c of this.phone.ctls.values()) if (c.session?._request?.call_id === request.call_id) target = c;
    target ??= [...this.phone.ctls.values()].find(c => c.info?.status === 'incoming') ?? this.phone.focusedCtl();
    if (!target) return;
    if (ev === 'talk') this.phone.onTalk(target); else this.phone.onHoldRequest(target);
  }

  // ---- conference ----
  get conferenceOn(): boolean { return !!this.mixer?.active; }

  toggleConference(): void {
    if (this.conferenceOn) return this.stopConference();
    const ctx = audioCtx();
    const mixer = this.mixer ?? new ConferenceMixer(ctx);
    this.mixer = mixer;
    const ids: string[] = [];
    for (const c of this.phone.ctls.values()) {
      if (c.info?.status !== 'connected' || !c.pc || !c.localStream) continue;
      c.setHold(false);
      mixer.add(c.id, c.pc, c.localStream);
      ids.push(c.id);
    }
    mixer.start();
    for (const id of ids) this.phone.store.calls(l => updateCall(l, id, { conference: true }));
    this.routeAudio();
  }

  /** A call that connects while the conference runs joins it. */
  joinIfConference(ctl: CallCtl): void {
    if (!this.conferenceOn || !ctl.pc || !ctl.localStream) return;
    this.mixer!.add(ctl.id, ctl.pc, ctl.localStream);
    this.phone.store.calls(l => updateCall(l, ctl.id, { conference: true }));
    this.routeAudio();
  }

  stopConference(): void {
    this.mixer?.stop();
    for (const c of this.phone.store.state.calls.calls) if (c.conference) this.phone.store.calls(l => updateCall(l, c.id, { conference: false }));
    this.routeAudio();
  }

  /** While mixing, the user hears the mixer output; per-call audio elements are muted. */
  private routeAudio(): void {
    const on = this.conferenceOn;
    for (const c of this.phone.ctls.values()) c.audio.muted = on && !!c.info?.conference;
    if (on && !this.confAudio) {
      this.confAudio = document.createElement('audio');
      this.confAudio.autoplay = true;
      this.confAudio.srcObject = this.mixer!.heardStream();
      document.body.appendChild(this.confAudio);
      const sink = this.phone.settings().speaker;
      const el = this.confAudio as any;
      if (sink && el.setSinkId) void el.setSinkId(sink).catch(() => {});
    } else if (!on && this.confAudio) {
      this.confAudio.srcObject = null;
      this.confAudio.remove();
      this.confAudio = null;
    }
  }

  heard(ctl: CallCtl): MediaStream {
    return this.conferenceOn && ctl.info?.conference ? this.mixer!.heardStream() : ctl.remoteStream;
  }

  callGone(ctl: CallCtl): void {
    this.mixer?.remove(ctl.id);
    if (this.mixer && this.conferenceOn && activeCalls(this.phone.store.state.calls).filter(c => c.conference).length === 0) this.stopConference();
  }

  // ---- screen sharing ----
  async toggleScreen(ctl: CallCtl): Promise<void> {
    if (this.screen.active) return this.screen.stop();
    const ctls = this.conferenceOn
      ? [...this.phone.ctls.values()].filter(c => c.info?.conference)
      : [ctl];
    try {
      await this.screen.start(ctls);
    } catch (e) {
      this.phone.error(`Screen sharing failed: ${(e as Error).name || e}`);
    }
  }

  // ---- tones ----
  private updateTones(): void {
    const calls = activeCalls(this.phone.store.state.calls);
    const ringingIn = calls.some(c => c.status === 'incoming');
    const others = calls.some(c => c.status === 'connected' || c.status === 'calling' || c.status === 'ringing');
    const ringback = calls.some(c => c.direction === 'outgoing' && c.status === 'ringing' && !c.earlyMedia);
    const want = ringingIn ? (others ? 'waiting' : 'ringing') : ringback ? 'ringback' : '';
    if (want === this.tone) return;
    this.tone = want;
    try {
      this.tones ??= new TonePlayer(audioCtx());
      this.tones.stop();
      const s = this.phone.settings();
      if (want === 'ringing') this.tones.ringing(s.ringer ? [s.speaker || 'default', s.ringer] : s.speaker ? [s.speaker] : undefined);
      else if (want === 'waiting') this.tones.callWaiting();
      else if (want === 'ringback') this.tones.ringback();
    } catch { /* no audio output */ }
  }

  // ---- restoring after a reload ----
  restoreOnConfirm(ctl: CallCtl, r: PersistedCall): void {
    ctl.session.on('confirmed', () => {
      setTimeout(() => {
        if (r.muted) ctl.setMuted(true);
        if (r.hold) ctl.setHold(true);
      }, 300);
    });
  }
}
