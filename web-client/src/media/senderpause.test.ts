import { describe, expect, it } from 'vitest';
import { SenderPause } from './senderpause';

const track = (kind: string, readyState = 'live') => ({ kind, enabled: true, readyState }) as unknown as MediaStreamTrack;
const sender = (t: MediaStreamTrack | null) => {
  const s = { track: t, replaceTrack: async (x: MediaStreamTrack | null) => { s.track = x; } };
  return s as unknown as RTCRtpSender & { track: MediaStreamTrack | null };
};

describe('SenderPause', () => {
  it('removes every track and puts the same ones back', async () => {
    const a = track('audio'), v = track('video');
    const sa = sender(a), sv = sender(v), empty = sender(null);
    const p = new SenderPause();
    p.pause([sa, sv, empty]);
    await Promise.resolve();
    expect(p.active).toBe(true);
    expect(sa.track).toBeNull();
    expect(sv.track).toBeNull();
    p.resume(true);
    await Promise.resolve();
    expect(sa.track).toBe(a);
    expect(sv.track).toBe(v);
    expect(empty.track).toBeNull();
    expect(p.active).toBe(false);
  });
  it('applies mute to the audio track on resume and skips ended tracks', async () => {
    const a = track('audio'), dead = track('video', 'ended');
    const sa = sender(a), sd = sender(dead);
    const p = new SenderPause();
    p.pause([sa, sd]);
    p.resume(false);
    await Promise.resolve();
    expect(sa.track).toBe(a);
    expect(a.enabled).toBe(false);
    expect(sd.track).toBeNull();
  });
  it('does not pause twice (the second pause would save null tracks)', async () => {
    const a = track('audio');
    const sa = sender(a);
    const p = new SenderPause();
    p.pause([sa]);
    await Promise.resolve();
    p.pause([sa]);
    p.resume(true);
    await Promise.resolve();
    expect(sa.track).toBe(a);
  });
});
