import { afterEach, describe, expect, it, vi } from 'vitest';
import { cadence, cycleMs, TonePlayer, type ToneKind } from './tones';

describe('cadence', () => {
  it('ringback is 440+480 Hz, 2 s on, 4 s off', () => {
    expect(cadence('ringback')).toEqual([{ freqs: [440, 480], ms: 2000 }, { freqs: [], ms: 4000 }]);
    expect(cycleMs('ringback')).toBe(6000);
  });

  it('call waiting is a 0.3 s 440 Hz beep every 10 s', () => {
    expect(cadence('callWaiting')).toEqual([{ freqs: [440], ms: 300 }, { freqs: [], ms: 9700 }]);
    expect(cycleMs('callWaiting')).toBe(10000);
  });

  it('ringing alternates two tones and ends in silence', () => {
    const r = cadence('ringing');
    const tones = new Set(r.flatMap((s) => s.freqs));
    expect(tones.size).toBe(2);
    expect(r.every((s) => s.freqs.length <= 1)).toBe(true);
    expect(r[r.length - 1].freqs).toEqual([]);
    expect(cycleMs('ringing')).toBeGreaterThanOrEqual(3000);
    expect(cycleMs('ringing')).toBeLessThanOrEqual(6000);
  });

  it('every step has positive duration', () => {
    for (const k of ['ringback', 'ringing', 'callWaiting'] as ToneKind[]) {
      expect(cadence(k).every((s) => s.ms > 0)).toBe(true);
    }
  });
});

// Minimal Web Audio fake recording oscillator schedules.
type Osc = { freq: number; start?: number; stop?: number; stoppedNow: boolean };
function fakeCtx() {
  const oscs: Osc[] = [];
  const param = () => ({ value: 0, setValueAtTime() {}, linearRampToValueAtTime() {} });
  const node = () => ({ connect() {}, disconnect() {} });
  const ctx = {
    currentTime: 0,
    state: 'running',
    destination: node(),
    createGain: () => ({ ...node(), gain: param() }),
    createMediaStreamDestination: () => ({ ...node(), stream: {} }),
    createOscillator: () => {
      const rec: Osc = { freq: 0, stoppedNow: false };
      oscs.push(rec);
      return {
        ...node(), type: '', onended: null,
        frequency: { set value(v: number) { rec.freq = v; }, get value() { return rec.freq; } },
        start: (t: number) => { rec.start = t; },
        stop: (t?: number) => { if (t === undefined) rec.stoppedNow = true; else rec.stop = t; },
      };
    },
  };
  return { ctx, oscs };
}

describe('TonePlayer', () => {
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('schedules ringback cycles ahead and stops them all', () => {
    vi.useFakeTimers();
    const { ctx, oscs } = fakeCtx();
    const p = new TonePlayer(ctx as unknown as AudioContext);
    p.ringback();
    expect(oscs.map((o) => o.freq).sort()).toEqual([440, 480]);
    expect(oscs[0].start).toBeCloseTo(0.05);
    expect(oscs[0].stop).toBeCloseTo(2.05);
    ctx.currentTime = 5;
    vi.advanceTimersByTime(500);
    expect(oscs.length).toBe(4);
    expect(oscs[2].start).toBeCloseTo(6.05);
    p.stop();
    expect(oscs.every((o) => o.stoppedNow)).toBe(true);
    ctx.currentTime = 20;
    vi.advanceTimersByTime(5000);
    expect(oscs.length).toBe(4);
  });

  it('rings on each requested output device through its own Audio element', async () => {
    const els: Array<{ sinkId: string; srcObject: unknown; played: boolean }> = [];
    class FakeAudio {
      sinkId = ''; srcObject: unknown = null; played = false;
      constructor() { els.push(this); }
      async setSinkId(id: string) { this.sinkId = id; }
      async play() { this.played = true; }
      pause() {}
    }
    vi.stubGlobal('Audio', FakeAudio);
    const { ctx, oscs } = fakeCtx();
    const p = new TonePlayer(ctx as unknown as AudioContext);
    p.ringing(['spk', 'headset', 'spk']);
    await new Promise((r) => setTimeout(r, 0));
    expect(els.map((e) => e.sinkId)).toEqual(['spk', 'headset']);
    expect(els.every((e) => e.played && e.srcObject)).toBe(true);
    expect(oscs.length).toBeGreaterThan(0);
    p.stop();
    expect(els.every((e) => e.srcObject === null)).toBe(true);
  });
});
