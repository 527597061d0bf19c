// Correlation of a long recording with a looped reference over sliding windows. A path with a
// jitter buffer (the platform's media engine) may shift its delay by a frame or two while a
// recording runs, and a single lag over the whole recording then under-scores what is plainly
// the same sentence; each window of about one loop period gets its own best lag instead, and
// the median over the windows is the figure (robust to one bad window, not a best-of).
import { loopCorrelation } from './audio.mjs';

/**
 * @param received {samples, rate} what a phone heard
 * @param reference {samples, rate, seconds} the looped WAV a party speaks
 * @param o windowSeconds (default: one loop period + 0.4 s), stepSeconds (0.25)
 * @returns {{median:number, best:number, worst:number, windows:number[]}}
 */
export function windowedLoopCorrelation(received, reference, o = {}) {
  const period = reference.samples.length / reference.rate;
  const w = Math.round((o.windowSeconds ?? period + 0.4) * received.rate);
  const step = Math.round((o.stepSeconds ?? 0.25) * received.rate);
  const windows = [];
  for (let start = 0; start + w <= received.samples.length; start += step) {
    const seg = { rate: received.rate, samples: received.samples.subarray(start, start + w) };
    windows.push(Math.round(loopCorrelation(seg, reference).score * 1000) / 1000);
  }
  if (!windows.length) windows.push(Math.round(loopCorrelation(received, reference).score * 1000) / 1000);
  const sorted = [...windows].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    best: sorted[sorted.length - 1],
    worst: sorted[0],
    windows,
  };
}
