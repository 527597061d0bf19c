import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySink, listDevices, mediaConstraints } from './devices';

describe('mediaConstraints', () => {
  it('uses exact device ids when forced', () => {
    const c = mediaConstraints({ microphone: 'mic1', camera: 'cam1', force: true }, { video: true });
    expect(c.audio).toMatchObject({ deviceId: { exact: 'mic1' }, echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    expect(c.video).toMatchObject({ deviceId: { exact: 'cam1' } });
  });

  it('uses ideal device ids otherwise', () => {
    const c = mediaConstraints({ microphone: 'mic1', camera: 'cam1', force: false }, { video: true });
    expect(c.audio).toMatchObject({ deviceId: { ideal: 'mic1' } });
    expect(c.video).toMatchObject({ deviceId: { ideal: 'cam1' } });
  });

  it('omits deviceId when none chosen and video when not asked', () => {
    const c = mediaConstraints({ force: true, camera: 'cam1' }, { video: false });
    expect(c.audio).not.toHaveProperty('deviceId');
    expect(c.audio).toMatchObject({ echoCancellation: true });
    expect(c.video).toBe(false);
    expect(mediaConstraints({ force: false }, { video: true }).video).not.toHaveProperty('deviceId');
  });
});

describe('listDevices / applySink', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('groups devices by kind', async () => {
    const devs = [
      { kind: 'audioinput', deviceId: 'm' }, { kind: 'audiooutput', deviceId: 's1' },
      { kind: 'audiooutput', deviceId: 's2' }, { kind: 'videoinput', deviceId: 'c' },
    ];
    vi.stubGlobal('navigator', { mediaDevices: { enumerateDevices: async () => devs } });
    const l = await listDevices();
    expect(l.microphones.map((d) => d.deviceId)).toEqual(['m']);
    expect(l.speakers.map((d) => d.deviceId)).toEqual(['s1', 's2']);
    expect(l.cameras.map((d) => d.deviceId)).toEqual(['c']);
  });

  it('calls setSinkId when supported and tolerates failures', async () => {
    const el = { sinkId: '', setSinkId: vi.fn(async (id: string) => { el.sinkId = id; }) };
    await applySink(el as unknown as HTMLMediaElement, 'spk');
    expect(el.setSinkId).toHaveBeenCalledWith('spk');
    await applySink(el as unknown as HTMLMediaElement, undefined);
    expect(el.setSinkId).toHaveBeenCalledTimes(1);
    const bad = { setSinkId: async () => { throw new Error('NotFoundError'); } };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(applySink(bad as unknown as HTMLMediaElement, 'gone')).resolves.toBeUndefined();
    await expect(applySink({} as HTMLMediaElement, 'x')).resolves.toBeUndefined();
  });
});
