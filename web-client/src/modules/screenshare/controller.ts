// Screen sharing over a call, or over every call of the conference.
import { ScreenShare } from '../../media/screenshare';
import { updateCall } from '../../state/calls';
import type { CallCtl, PhoneCtx } from '../../sip/call';
import type { Phone } from '../../sip/phone';
import { videoSenders } from '../../sip/video';

/** Screen sharing over every given call (all calls while in a conference). */
export class ScreenShareCtl {
  private share: ScreenShare | null = null;
  private ids: string[] = [];
  constructor(private phone: PhoneCtx) {}
  get active(): boolean { return !!this.share?.active; }

  async start(ctls: CallCtl[]): Promise<void> {
    const senders: RTCRtpSender[] = [];
    for (const ctl of ctls) {
      if (!ctl.pc) continue;
      let s = videoSenders(ctl.pc);
      if (!s.length) {
        ctl.pc.addTransceiver('video', { direction: 'sendrecv' });
        ctl.session.renegotiate();
        s = videoSenders(ctl.pc).length ? videoSenders(ctl.pc) : ctl.pc.getTransceivers().filter(t => t.receiver.track?.kind === 'video').map(t => t.sender);
      }
      senders.push(...s);
    }
    const share = new ScreenShare();
    share.onended = () => this.cleanup();
    await share.start(senders);
    this.share = share;
    this.ids = ctls.map(c => c.id);
    for (const id of this.ids) this.phone.store.calls(l => updateCall(l, id, { screen: true, video: true }));
  }

  async stop(): Promise<void> {
    const s = this.share;
    if (s) await s.stop().catch(() => {});
    this.cleanup();
  }

  private cleanup(): void {
    this.share = null;
    for (const id of this.ids) this.phone.store.calls(l => updateCall(l, id, { screen: false }));
    this.ids = [];
  }
}

export class ScreenShareController {
  readonly screen: ScreenShareCtl;
  constructor(private readonly phone: Phone) { this.screen = new ScreenShareCtl(phone); }

  /** Starts sharing on the call (on every call in the conference while one runs), or stops. */
  async toggleScreen(ctl: CallCtl): Promise<void> {
    if (this.screen.active) return this.screen.stop();
    const inConference = [...this.phone.ctls.values()].filter(c => c.info?.conference);
    const ctls = inConference.length ? inConference : [ctl];
    try {
      await this.screen.start(ctls);
    } catch (e) {
      this.phone.error(`Screen sharing failed: ${(e as Error).name || e}`);
    }
  }
}
