/**
 * Call-progress tones synthesised with Web Audio.
 *
 * Why: no audio files to ship or cache, and exact control of the cadence. Ringing can go to
 * several outputs at once (e.g. speakers and a headset) via one MediaStreamAudioDestinationNode
 * fed to an Audio element per device (setSinkId); Web Audio itself can only use one output.
 */
import { applySink } from './devices';

export type ToneKind = 'ringback' | 'ringing' | 'callWaiting';
/** One step of a cadence: the frequencies sounded together (none = silence) for ms. */
export interface ToneStep {
  freqs: number[];
  ms: number;
}

const E5 = 659.25;
const C5 = 523.25;

/** The repeating on/off pattern of a tone. */
export function cadence(kind: ToneKind): ToneStep[] {
  switch (kind) {
    case 'ringback': // North American ringback: 440 + 480 Hz, 2 s on, 4 s off
      return [{ freqs: [440, 480], ms: 2000 }, { freqs: [], ms: 4000 }];
    case 'ringing': // soft two-note chime, twice, then a pause (4 s cycle)
      return [
        { freqs: [E5], ms: 350 }, { freqs: [C5], ms: 350 }, { freqs: [], ms: 300 },
        { freqs: [E5], ms: 350 }, { freqs: [C5], ms: 350 }, { freqs: [], ms: 2300 },
      ];
    case 'callWaiting': // 440 Hz 0.3 s beep every 10 s
      return [{ freqs: [440], ms: 300 }, { freqs: [], ms: 9700 }];
  }
}

export const cycleMs = (kind: ToneKind): number => cadence(kind).reduce((a, s) => a + s.ms, 0);

const LEVEL: Record<ToneKind, number> = { ringback: 0.12, ringing: 0.25, callWaiting: 0.12 };
const RAMP_S = 0.015;
const LOOKAHEAD_S = 1.5;

export class TonePlayer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private master: GainNode | null = null;
  private readonly oscillators = new Set<OscillatorNode>();
  private elements: HTMLAudioElement[] = [];

  constructor(private readonly ctx: AudioContext) {}

  /** Outgoing call is ringing at the far end. */
  ringback(): void {
    this.play('ringback', [this.ctx.destination]);
  }

  /** Incoming call; sinkIds: output devices to ring on (default output if none/unsupported). */
  ringing(sinkIds?: string[]): void {
    const canRoute = typeof Audio !== 'undefined' && 'setSinkId' in Audio.prototype;
    if (!sinkIds?.length || !canRoute) {
      this.play('ringing', [this.ctx.destination]);
      return;
    }
    const dest = this.ctx.createMediaStreamDestination();
    this.play('ringing', [dest]);
    this.elements = [...new Set(sinkIds)].map((id) => {
      const el = new Audio();
      el.srcObject = dest.stream;
      void applySink(el, id).then(() => el.play()).catch(() => {});
      return el;
    });
  }

  /** A second call arrives while in a call. */
  callWaiting(): void {
    this.play('callWaiting', [this.ctx.destination]);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.oscillators.forEach((o) => {
      try {
        o.stop();
      } catch {
        /* never started */
      }
      o.disconnect();
    });
    this.oscillators.clear();
    this.master?.disconnect();
    this.master = null;
    this.elements.forEach((el) => {
      el.pause();
      el.srcObject = null;
    });
    this.elements = [];
  }

  private play(kind: ToneKind, outputs: AudioNode[]): void {
    this.stop();
    if (this.ctx.state === 'suspended') void this.ctx.resume().catch(() => {});
    const master = this.ctx.createGain();
    master.gain.value = LEVEL[kind];
    outputs.forEach((o) => master.connect(o));
    this.master = master;
    const steps = cadence(kind);
    const period = cycleMs(kind) / 1000;
    let next = this.ctx.currentTime + 0.05;
    const schedule = (): void => {
      while (next < this.ctx.currentTime + LOOKAHEAD_S) {
        if (next < this.ctx.currentTime) next = this.ctx.currentTime + 0.05; // timer throttled
        this.scheduleCycle(steps, next, master);
        next += period;
      }
    };
    schedule();
    this.timer = setInterval(schedule, 500);
  }

  private scheduleCycle(steps: ToneStep[], start: number, master: GainNode): void {
    let t = start;
    for (const step of steps) {
      const dur = step.ms / 1000;
      if (step.freqs.length) {
        const env = this.ctx.createGain();
        env.gain.setValueAtTime(0, t);
        env.gain.linearRampToValueAtTime(1 / step.freqs.length, t + RAMP_S);
        env.gain.setValueAtTime(1 / step.freqs.length, t + dur - RAMP_S);
        env.gain.linearRampToValueAtTime(0, t + dur);
        env.connect(master);
        let playing = step.freqs.length;
        for (const f of step.freqs) {
          const osc = this.ctx.createOscillator();
          osc.type = 'sine';
          osc.frequency.value = f;
          osc.connect(env);
          osc.onended = () => {
            this.oscillators.delete(osc);
            osc.disconnect();
            if (--playing === 0) env.disconnect();
          };
          osc.start(t);
          osc.stop(t + dur);
          this.oscillators.add(osc);
        }
      }
      t += dur;
    }
  }
}
