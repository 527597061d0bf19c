// Video on a call: add a camera to an audio call, pause it, share the screen.
import { ScreenShare } from '../media/screenshare';
import { updateCall } from '../state/calls';
import type { CallCtl, PhoneCtx } from './call';
import { getCamera } from './media';

const videoSenders = (pc: RTCPeerConnection): RTCRtpSender[] =>
  pc.getTransceivers().filter(t => t.receiver.track?.kind === 'video' && t.currentDirection !== 'stopped').map(t => t.sender);

/** Adds a camera track and renegotiates (re-INVITE). */
export async function addVideo(phone: PhoneCtx, ctl: CallCtl): Promise<void> {
  const pc = ctl.pc;
  if (!pc) return;
  const track = await getCamera(phone.settings());
  const stream = ctl.localStream ?? new MediaStream();
  stream.addTrack(track);
  ctl.localStream = stream;
  const free = videoSenders(pc).find(s => !s.track);
  if (free) await free.replaceTrack(track);
  else pc.addTrack(track, stream);
  const t = pc.getTransceivers().find(x => x.sender.track === track);
  if (t) t.direction = 'sendrecv';
  ctl.session.renegotiate();
  phone.store.calls(l => updateCall(l, ctl.id, { video: true, videoPaused: false }));
  phone.mediaChanged(ctl);
}

export function setVideoPaused(phone: PhoneCtx, ctl: CallCtl, paused: boolean): void {
  ctl.localStream?.getVideoTracks().forEach(t => { t.enabled = !paused; });
  phone.store.calls(l => updateCall(l, ctl.id, { videoPaused: paused }));
}

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
