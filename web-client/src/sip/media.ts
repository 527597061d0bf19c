// Local media: the shared AudioContext, microphone/camera capture with readable errors.
import { mediaConstraints as mc, type MediaDeviceSettings } from '../media/devices';
import type { Settings } from '../state/settings';

let ctx: AudioContext | null = null;
export function audioCtx(): AudioContext {
  if (!ctx) ctx = new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
  return ctx;
}

export class MediaError extends Error {}

export const devSettings = (s: Settings): MediaDeviceSettings => ({
  microphone: s.microphone, speaker: s.speaker, ringer: s.ringer, camera: s.camera, force: s.forceDevices,
});
const mediaConstraints = (s: Settings, o: { video: boolean }) => mc(devSettings(s), o);

const errName = (e: unknown): string => (e as Error)?.name || String(e);

/** Microphone (and camera) stream per the settings; throws MediaError with a user message.
 *  A missing camera falls back to audio only and reports through onWarn. */
export async function getLocalStream(settings: Settings, video: boolean,
                                     onWarn: (msg: string) => void = () => {}): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia(mediaConstraints(settings, { video }));
  } catch (e) {
    if (video) {
      try {
        const s = await navigator.mediaDevices.getUserMedia(mediaConstraints(settings, { video: false }));
        onWarn(`Camera not available: ${errName(e)}`);
        return s;
      } catch { /* report the microphone error below */ }
    }
    throw new MediaError(`Microphone not available: ${errName(e)}`);
  }
}

export async function getCamera(settings: Settings): Promise<MediaStreamTrack> {
  const c = mediaConstraints(settings, { video: true });
  try {
    const s = await navigator.mediaDevices.getUserMedia({ video: c.video || true });
    return s.getVideoTracks()[0];
  } catch (e) {
    throw new MediaError(`Camera not available: ${errName(e)}`);
  }
}

export function stopStream(s: MediaStream | null | undefined): void {
  s?.getTracks().forEach(t => t.stop());
}
