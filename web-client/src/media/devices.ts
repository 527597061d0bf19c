/**
 * Audio/video device selection.
 *
 * Why: users pick microphone, speaker, ringing output and camera in Settings. With "Force
 * selected devices" a missing device is an error (exact) instead of a silent fallback to
 * the default (ideal). Speaker/ringer routing needs HTMLMediaElement.setSinkId (Chromium,
 * Firefox 116+); elsewhere audio stays on the default output.
 */

export interface MediaDeviceSettings {
  microphone?: string;
  speaker?: string;
  ringer?: string;
  camera?: string;
  force: boolean;
}

export interface DeviceLists {
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
}

/** Available devices by kind (labels are empty until the user has granted media permission). */
export async function listDevices(): Promise<DeviceLists> {
  const all = navigator.mediaDevices?.enumerateDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  return {
    microphones: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
    cameras: all.filter((d) => d.kind === 'videoinput'),
  };
}

function deviceId(id: string | undefined, force: boolean): { deviceId?: ConstrainDOMString } {
  if (!id) return {};
  return { deviceId: force ? { exact: id } : { ideal: id } };
}

/** getUserMedia constraints for a call: chosen devices, voice processing on, HD video if asked. */
export function mediaConstraints(s: MediaDeviceSettings, opts: { video: boolean }): MediaStreamConstraints {
  return {
    audio: {
      ...deviceId(s.microphone, s.force),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
    video: opts.video
      ? { ...deviceId(s.camera, s.force), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } }
      : false,
  };
}

/** Routes an element to an output device when setSinkId is supported; failures are logged, not thrown. */
export async function applySink(el: HTMLMediaElement, sinkId?: string): Promise<void> {
  const target = el as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string };
  if (sinkId === undefined || typeof target.setSinkId !== 'function' || target.sinkId === sinkId) return;
  try {
    await target.setSinkId(sinkId);
  } catch (e) {
    console.warn('setSinkId failed', sinkId, e);
  }
}
