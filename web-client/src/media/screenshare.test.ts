import { describe, expect, it } from 'vitest';
import { ScreenShare } from './screenshare';

class FakeTrack extends EventTarget {
  stopped = false;
  contentHint = '';
  constructor(public kind: string, public label: string) { super(); }
  stop() { this.stopped = true; }
}
function sender(t: FakeTrack | null) {
  const s = { track: t, replaceTrack: async (n: FakeTrack | null) => { s.track = n; } };
  return s;
}
function setup() {
  const screen = new FakeTrack('video', 'screen');
  const stream = { getVideoTracks: () => [screen], getAudioTracks: () => [] } as unknown as MediaStream;
  const cam = new FakeTrack('video', 'cam');
  const video = sender(cam), audio = sender(new FakeTrack('audio', 'mic'));
  const share = new ScreenShare(async () => stream);
  const senders = [audio, video] as unknown as RTCRtpSender[];
  return { screen, cam, video, audio, share, senders };
}

describe('ScreenShare', () => {
  it('replaces video senders only and restores on stop', async () => {
    const { screen, cam, video, audio, share, senders } = setup();
    await share.start(senders);
    expect(share.active).toBe(true);
    expect(video.track).toBe(screen);
    expect(audio.track?.label).toBe('mic');
    expect(screen.contentHint).toBe('detail');
    await share.stop();
    expect(share.active).toBe(false);
    expect(video.track).toBe(cam);
    expect(screen.stopped).toBe(true);
    expect(cam.stopped).toBe(false);
  });

  it('restores the camera and calls onended when the user stops sharing in the browser', async () => {
    const { screen, cam, video, share, senders } = setup();
    let ended = 0;
    share.onended = () => ended++;
    await share.start(senders);
    screen.dispatchEvent(new Event('ended'));
    await new Promise((r) => setTimeout(r, 0));
    expect(video.track).toBe(cam);
    expect(share.active).toBe(false);
    expect(ended).toBe(1);
  });

  it('stays inactive when the user cancels the picker', async () => {
    const share = new ScreenShare(async () => { throw new DOMException('denied', 'NotAllowedError'); });
    const video = sender(new FakeTrack('video', 'cam'));
    await expect(share.start([video] as unknown as RTCRtpSender[])).rejects.toThrow('denied');
    expect(share.active).toBe(false);
    expect(video.track?.label).toBe('cam');
  });
});
