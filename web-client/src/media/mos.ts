/**
 * Call-quality score (MOS) from network metrics.
 *
 * Why: the call list shows a green/orange/red dot per call (data-quality). We derive it from
 * WebRTC stats with the simplified ITU-T G.107 E-model commonly used for WebRTC audio
 * (G.711/Opus with packet-loss concealment), so the colour tracks what users actually hear.
 */

export type QualityColor = 'green' | 'orange' | 'red' | 'grey';

export interface NetworkMetrics {
  rttMs: number;
  jitterMs: number;
  lossPercent: number;
}

/** Codec/packetisation delay added to the one-way network latency (ms). */
const CODEC_DELAY_MS = 10;
/** Packet-loss robustness factor for G.711 with PLC. */
const BPL = 25;

function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** Estimated MOS in [1, 4.5]; about 4.4 on a perfect network. */
export function estimateMos({ rttMs, jitterMs, lossPercent }: NetworkMetrics): number {
  const latency = nonNegative(rttMs) / 2 + 2 * nonNegative(jitterMs) + CODEC_DELAY_MS;
  const id = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const loss = Math.min(100, nonNegative(lossPercent));
  const ieEff = 0 + (95 - 0) * (loss / (loss + BPL));
  // Clamp R first: the MOS polynomial is not monotonic outside [0, 100].
  const r = Math.min(100, Math.max(0, 93.2 - id - ieEff));
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  return Math.min(4.5, Math.max(1, mos));
}

/** Colour for the quality indicator; grey means "no data yet". */
export function qualityColor(mos: number | null): QualityColor {
  if (mos === null || !Number.isFinite(mos)) return 'grey';
  if (mos >= 4.0) return 'green';
  if (mos >= 3.1) return 'orange';
  return 'red';
}
