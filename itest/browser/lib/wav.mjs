// Speech WAVs for Chrome's fake microphone: spoken by espeak-ng at test time, resampled to
// 48 kHz mono 16-bit PCM (what Chrome's --use-file-for-fake-audio-capture reads best), with
// some silence after the sentence so that the looped file has a clear rhythm.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WAV_RATE = 48000;

/** Decodes a PCM 16-bit WAV into mono Float32 samples in [-1, 1]. */
export function readWav(file) {
  const buf = readFileSync(file);
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a RIFF/WAVE file`);
  }
  let offset = 12;
  let fmt = null;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    let size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        rate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error(`${file}: data before fmt`);
      if (fmt.format !== 1 || fmt.bits !== 16) throw new Error(`${file}: only PCM 16-bit is supported`);
      size = Math.min(size, buf.length - body); // espeak-ng --stdout writes a bogus size
      const frames = Math.floor(size / (2 * fmt.channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < fmt.channels; c++) sum += buf.readInt16LE(body + 2 * (i * fmt.channels + c));
        samples[i] = sum / fmt.channels / 32768;
      }
      return { rate: fmt.rate, samples };
    }
    offset = body + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

/** Writes mono Float32 samples as a PCM 16-bit WAV. */
export function writeWav(file, rate, samples) {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    data.writeInt16LE(Math.round(s * 32767), 2 * i);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}

/** Linear-interpolation resampler (good enough for speech envelopes). */
export function resample(samples, from, to) {
  if (from === to) return Float32Array.from(samples);
  const out = new Float32Array(Math.floor((samples.length * to) / from));
  const step = from / to;
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const f = x - j;
    const a = samples[j] ?? 0;
    const b = samples[j + 1] ?? a;
    out[i] = a + (b - a) * f;
  }
  return out;
}

/**
 * Speaks a sentence with espeak-ng into dir/<name>.wav (48 kHz mono 16-bit) and returns
 * { file, rate, samples, seconds } with the samples as Chrome will loop them.
 *
 * @param {object} opts options: voice (espeak-ng -v), pitch (-p 0..99), speed (-s words/min),
 *   gapSeconds (silence appended after the sentence)
 */
export function speechWav(dir, name, sentence, opts = {}) {
  const raw = join(dir, `${name}-espeak.wav`);
  const args = ['-w', raw];
  if (opts.voice) args.push('-v', opts.voice);
  if (opts.pitch !== undefined) args.push('-p', String(opts.pitch));
  if (opts.speed !== undefined) args.push('-s', String(opts.speed));
  args.push(sentence);
  execFileSync('espeak-ng', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const { rate, samples } = readWav(raw);
  const speech = resample(samples, rate, WAV_RATE);
  // normalise to -3 dBFS so that every party is about equally loud
  let peak = 0;
  for (const s of speech) peak = Math.max(peak, Math.abs(s));
  const gain = peak > 0 ? 0.7 / peak : 1;
  const gap = Math.round((opts.gapSeconds ?? 0.6) * WAV_RATE);
  const out = new Float32Array(speech.length + gap);
  for (let i = 0; i < speech.length; i++) out[i] = speech[i] * gain;
  const file = join(dir, `${name}.wav`);
  writeWav(file, WAV_RATE, out);
  return { file, rate: WAV_RATE, samples: out, seconds: out.length / WAV_RATE, sentence };
}

/** A WAV of pure silence (a party that must not be heard). */
export function silenceWav(dir, name, seconds = 2) {
  const out = new Float32Array(Math.round(seconds * WAV_RATE));
  const file = join(dir, `${name}.wav`);
  writeWav(file, WAV_RATE, out);
  return { file, rate: WAV_RATE, samples: out, seconds, sentence: '' };
}
