// Audio checks on what a softphone received: energy ("is it silent?") and who is heard,
// by normalised cross-correlation of loudness envelopes. Speech recognition is not needed:
// every party speaks a different espeak-ng sentence, looped by Chrome's fake microphone, so the
// envelope of what B hears lines up with A's sentence at some lag and with nobody else's.

/** Root mean square of samples. */
export function rms(samples) {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/** Level in dBFS (-Infinity for digital silence). */
export function dbfs(samples) {
  return 20 * Math.log10(rms(samples));
}

import { resample } from './wav.mjs';

const ANALYSIS_RATE = 16000;
const BANDS = [[100, 300], [300, 600], [600, 1200], [1200, 2400], [2400, 5000]];

function fft(re, im) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const half = len / 2;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const c = Math.cos(ang * k);
        const s = Math.sin(ang * k);
        const a = i + k;
        const b = a + half;
        const vr = re[b] * c - im[b] * s;
        const vi = re[b] * s + im[b] * c;
        re[b] = re[a] - vr;
        im[b] = im[a] - vi;
        re[a] += vr;
        im[a] += vi;
      }
    }
  }
}

/**
 * Loudness envelopes in five speech bands: per 20 ms frame the energy of each band in dB,
 * floored 40 dB under the band's loudest frame (so that comfort noise, noise suppression and
 * automatic gain control change little). Several bands make a chance match between two
 * different sentences much less likely than one broadband envelope does.
 *
 * @returns {Float64Array[]} one envelope per band
 */
export function bandEnvelopes(samples, rate, frameMs = 20, floorDb = 40) {
  const x = resample(samples, rate, ANALYSIS_RATE);
  const hop = Math.round((ANALYSIS_RATE * frameMs) / 1000);
  const size = 512;
  const frames = Math.floor(x.length / hop);
  const out = BANDS.map(() => new Float64Array(frames));
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let f = 0; f < frames; f++) {
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < hop && f * hop + i < x.length; i++) {
      re[i] = x[f * hop + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / hop));
    }
    fft(re, im);
    BANDS.forEach(([lo, hi], b) => {
      let e = 0;
      for (let k = Math.ceil((lo * size) / ANALYSIS_RATE); k <= Math.floor((hi * size) / ANALYSIS_RATE); k++) {
        e += re[k] * re[k] + im[k] * im[k];
      }
      out[b][f] = 10 * Math.log10(e + 1e-12);
    });
  }
  for (const env of out) {
    let max = -Infinity;
    for (const v of env) max = Math.max(max, v);
    for (let i = 0; i < env.length; i++) env[i] = Math.max(env[i], max - floorDb);
  }
  return out;
}

/**
 * Best normalised cross-correlation between a received recording and a reference that the
 * sender loops: the reference's band envelopes are repeated (circularly shifted) over every
 * lag of one loop period, and the score pools all bands.
 *
 * @param received {samples, rate} what a phone heard
 * @param reference {samples, rate} the looped WAV a party speaks
 * @returns {{score:number, lagMs:number}} score in [-1, 1]; about 0.3 for a different
 *   sentence, 0.8+ for the same one alone, 0.5+ for the same one mixed with another
 */
export function loopCorrelation(received, reference, frameMs = 20) {
  const X = bandEnvelopes(received.samples, received.rate, frameMs);
  const R = bandEnvelopes(reference.samples, reference.rate, frameMs);
  const n = X[0].length;
  const period = R[0].length;
  if (n < 10 || period === 0) return { score: 0, lagMs: 0 };
  let best = { score: -1, lagMs: 0 };
  for (let lag = 0; lag < period; lag++) {
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let b = 0; b < X.length; b++) {
      const x = X[b];
      const r = R[b];
      let mx = 0;
      let my = 0;
      for (let i = 0; i < n; i++) {
        mx += x[i];
        my += r[(i + lag) % period];
      }
      mx /= n;
      my /= n;
      for (let i = 0; i < n; i++) {
        const p = x[i] - mx;
        const q = r[(i + lag) % period] - my;
        sxy += p * q;
        sxx += p * p;
        syy += q * q;
      }
    }
    const score = sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0; // a flat signal matches nothing
    if (score > best.score) best = { score, lagMs: lag * frameMs };
  }
  return best;
}

/**
 * Best normalised waveform cross-correlation between a recording and a looped reference, over
 * every lag of one loop period (FFT-based, at 8 kHz). Opus keeps the waveform well enough for
 * the true speaker to stand out: about 0.3-0.5 alone, 0.2+ mixed with another party, against
 * about 0.1 for a sentence that is not in the recording.
 *
 * @returns {{score:number, lagMs:number}}
 */
export function loopWaveCorrelation(received, reference, rate = 8000) {
  const x = resample(received.samples, received.rate, rate);
  const r = resample(reference.samples, reference.rate, rate);
  const n = x.length;
  const period = r.length;
  if (n < rate / 10 || period === 0) return { score: 0, lagMs: 0 };
  let size = 1;
  while (size < n + period) size <<= 1;
  const xr = new Float64Array(size);
  const xi = new Float64Array(size);
  const rr = new Float64Array(size);
  const ri = new Float64Array(size);
  for (let i = 0; i < n; i++) xr[i] = x[i];
  for (let i = 0; i < n + period; i++) rr[i] = r[i % period];
  fft(xr, xi);
  fft(rr, ri);
  // corr[lag] = sum_i x[i] r[i + lag] = IFFT(conj(X) R); the inverse through conjugation
  for (let k = 0; k < size; k++) {
    const re = xr[k] * rr[k] + xi[k] * ri[k];
    const im = xr[k] * ri[k] - xi[k] * rr[k];
    xr[k] = re;
    xi[k] = -im;
  }
  fft(xr, xi);
  let ex = 0;
  for (const v of x) ex += v * v;
  const prefix = new Float64Array(n + period + 1);
  for (let i = 0; i < n + period; i++) prefix[i + 1] = prefix[i] + r[i % period] ** 2;
  let best = { score: 0, lagMs: 0 };
  for (let lag = 0; lag < period; lag++) {
    const er = prefix[lag + n] - prefix[lag];
    const c = Math.abs(xr[lag] / size) / Math.sqrt(ex * er + 1e-12);
    if (c > best.score) best = { score: c, lagMs: (lag * 1000) / rate };
  }
  return best;
}

/**
 * Scores a recording against several speakers' WAVs.
 *
 * @param received {samples, rate}
 * @param speakers {name: {samples, rate}}
 * @returns {{[name]: number}} the best correlation per speaker, rounded to 3 decimals
 */
export function whoIsHeard(received, speakers, method = 'envelope') {
  const out = {};
  const f = method === 'wave' ? loopWaveCorrelation : loopCorrelation;
  for (const [name, ref] of Object.entries(speakers)) {
    out[name] = Math.round(f(received, ref).score * 1000) / 1000;
  }
  return out;
}
