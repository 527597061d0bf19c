// Client-side audio conference: every call in it hears every other call (media/conference.ts).
import { ConferenceMixer } from '../../media/conference';
import { activeCalls, updateCall } from '../../state/calls';
import type { CallCtl } from '../../sip/call';
import { audioCtx } from '../../sip/media';
import type { Phone } from '../../sip/phone';

/** setSinkId is not in every DOM typing yet. */
type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class ConferenceController {
  mixer: ConferenceMixer | null = null;
  private confAudio: HTMLAudioElement | null = null;

  constructor(private readonly phone: Phone) {
    phone.events.on('call:confirmed', e => this.joinIfConference(e.ctl));
    phone.events.on('call:ended', e => this.callGone(e.ctl));
  }

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
      const el: SinkAudio = document.createElement('audio');
      this.confAudio = el;
      el.autoplay = true;
      el.srcObject = this.mixer!.heardStream();
      document.body.appendChild(el);
      const sink = this.phone.settings().speaker;
      if (sink && el.setSinkId) void el.setSinkId(sink).catch(() => {});
    } else if (!on && this.confAudio) {
      this.confAudio.srcObject = null;
      this.confAudio.remove();
      this.confAudio = null;
    }
  }

  /** What the user hears of a call: the mix while it is in the conference. */
  heard(ctl: CallCtl): MediaStream {
    return this.conferenceOn && ctl.info?.conference ? this.mixer!.heardStream() : ctl.remoteStream;
  }

  private callGone(ctl: CallCtl): void {
    this.mixer?.remove(ctl.id);
    if (this.mixer && this.conferenceOn && activeCalls(this.phone.store.state.calls).filter(c => c.conference).length === 0) this.stopConference();
  }
}
