// Video on a call: add a camera to an audio call, pause it.
import { updateCall } from '../state/calls';
import type { CallCtl, PhoneCtx } from './call';
import { getCamera } from './media';

export const videoSenders = (pc: RTCPeerConnection): RTCRtpSender[] =>
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
