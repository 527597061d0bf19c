/**
 * Per-call quality from RTCPeerConnection.getStats().
 *
 * Why: drives the call's quality dot (data-quality), the statistics panel and the test hook
 * rtpStats(). Loss is measured over the last interval (not since call start) so the dot
 * recovers after a bad patch. The pure part, qualityFromReports(), works on plain report
 * objects so it can be unit-tested without a browser.
 */
import { estimateMos, qualityColor, type QualityColor } from './mos';

export interface CallQuality {
  mos: number | null;
  color: QualityColor;
  rttMs: number | null;
  jitterMs: number | null;
  lossPercent: number | null;
  codec: string;
  packetsSent: number;
  packetsReceived: number;
  bytesSent: number;
  bytesReceived: number;
  packetsLost: number;
  audioLevel: number | null;
  video?: { framesDecoded: number; framesSent: number; width?: number; height?: number };
}

/** A stats report as a plain object (RTCStats plus type-specific fields). */
export type StatsReport = { id: string; type: string; [key: string]: unknown };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const optNum = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const kindOf = (r: StatsReport): unknown => r.kind ?? r.mediaType;

function rtp(reports: StatsReport[], type: string, kind: string): StatsReport[] {
  return reports.filter((r) => r.type === type && kindOf(r) === kind);
}
const sum = (rs: StatsReport[], key: string): number => rs.reduce((a, r) => a + num(r[key]), 0);

/** The candidate pair in use: via transport.selectedCandidatePairId, `selected` (Firefox) or nominated+succeeded. */
function selectedPair(reports: StatsReport[]): StatsReport | undefined {
  const pairs = reports.filter((r) => r.type === 'candidate-pair');
  const transport = reports.find((r) => r.type === 'transport' && typeof r.selectedCandidatePairId === 'string');
  return (
    (transport && pairs.find((p) => p.id === transport.selectedCandidatePairId)) ||
    pairs.find((p) => p.selected === true) ||
    pairs.find((p) => p.nominated === true && p.state === 'succeeded')
  );
}

function codecName(reports: StatsReport[], inbound: StatsReport[], outbound: StatsReport[]): string {
  const id = [...inbound, ...outbound].map((r) => r.codecId).find((c) => typeof c === 'string');
  const codec = reports.find((r) => r.type === 'codec' && (id === undefined || r.id === id));
  if (!codec || typeof codec.mimeType !== 'string') return '';
  const name = codec.mimeType.replace(/^(audio|video)\//i, '');
  return typeof codec.clockRate === 'number' ? `${name}/${codec.clockRate}` : name;
}

/** Computes a call's quality from the previous and current stats snapshots (prev null on the first sample). */
export function qualityFromReports(prev: StatsReport[] | null, curr: StatsReport[]): CallQuality {
  const inbound = rtp(curr, 'inbound-rtp', 'audio');
  const outbound = rtp(curr, 'outbound-rtp', 'audio');
  const prevIn = prev ? rtp(prev, 'inbound-rtp', 'audio') : [];

  const packetsReceived = sum(inbound, 'packetsReceived');
  const packetsLost = sum(inbound, 'packetsLost');
  const dReceived = packetsReceived - sum(prevIn, 'packetsReceived');
  const dLost = Math.max(0, packetsLost - sum(prevIn, 'packetsLost'));
  const dExpected = dReceived + dLost;
  const lossPercent = dReceived > 0 && dExpected > 0 ? (100 * dLost) / dExpected : null;

  const remoteRtt = rtp(curr, 'remote-inbound-rtp', 'audio')
    .map((r) => optNum(r.roundTripTime))
    .find((v) => v !== null);
  const pairRtt = optNum(selectedPair(curr)?.currentRoundTripTime);
  const rttS = remoteRtt ?? pairRtt;
  const rttMs = rttS === null ? null : rttS * 1000;

  const jitters = inbound.map((r) => optNum(r.jitter)).filter((v): v is number => v !== null);
  const jitterMs = jitters.length ? Math.max(...jitters) * 1000 : null;

  // No inbound audio in this interval (call setup, hold, one-way media): no score.
  const mos =
    lossPercent === null ? null : estimateMos({ rttMs: rttMs ?? 0, jitterMs: jitterMs ?? 0, lossPercent });

  const levels = [...inbound, ...curr.filter((r) => r.type === 'track' && kindOf(r) === 'audio' && r.remoteSource)]
    .map((r) => optNum(r.audioLevel))
    .filter((v): v is number => v !== null);

  const quality: CallQuality = {
    mos,
    color: qualityColor(mos),
    rttMs,
    jitterMs,
    lossPercent,
    codec: codecName(curr, inbound, outbound),
    packetsSent: sum(outbound, 'packetsSent'),
    packetsReceived,
    bytesSent: sum(outbound, 'bytesSent'),
    bytesReceived: sum(inbound, 'bytesReceived'),
    packetsLost,
    audioLevel: levels.length ? levels[0] : null,
  };

  const vIn = rtp(curr, 'inbound-rtp', 'video');
  const vOut = rtp(curr, 'outbound-rtp', 'video');
  if (vIn.length || vOut.length) {
    const w = vIn.map((r) => optNum(r.frameWidth)).find((v) => v !== null);
    const h = vIn.map((r) => optNum(r.frameHeight)).find((v) => v !== null);
    quality.video = { framesDecoded: sum(vIn, 'framesDecoded'), framesSent: sum(vOut, 'framesSent') };
    if (w != null) quality.video.width = w;
    if (h != null) quality.video.height = h;
  }
  return quality;
}

async function snapshot(pc: RTCPeerConnection): Promise<StatsReport[]> {
  const out: StatsReport[] = [];
  (await pc.getStats()).forEach((r) => out.push(r as StatsReport));
  return out;
}

/** Cumulative RTP counters over all audio streams of a peer connection (for the test hook). */
export async function rtpCounters(
  pc: RTCPeerConnection,
): Promise<{ packetsSent: number; packetsReceived: number; bytesSent: number; bytesReceived: number }> {
  const reports = await snapshot(pc);
  const inbound = rtp(reports, 'inbound-rtp', 'audio');
  const outbound = rtp(reports, 'outbound-rtp', 'audio');
  return {
    packetsSent: sum(outbound, 'packetsSent'),
    packetsReceived: sum(inbound, 'packetsReceived'),
    bytesSent: sum(outbound, 'bytesSent'),
    bytesReceived: sum(inbound, 'bytesReceived'),
  };
}

/** Polls getStats() every intervalMs and reports a CallQuality; the first sample is taken at once. */
export class QualityMonitor {
  latest: CallQuality | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private prev: StatsReport[] | null = null;
  private busy = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly onUpdate: (q: CallQuality) => void,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    void this.sample();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.prev = null;
  }

  /** Takes one sample now while running (start() calls it); errors (closed pc) are ignored. */
  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const curr = await snapshot(this.pc);
      if (this.timer === null) return; // stopped meanwhile
      const q = qualityFromReports(this.prev, curr);
      this.prev = curr;
      this.latest = q;
      this.onUpdate(q);
    } catch {
      /* peer connection closed; keep the last value */
    } finally {
      this.busy = false;
    }
  }
}
