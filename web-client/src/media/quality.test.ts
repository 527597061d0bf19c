import { afterEach, describe, expect, it, vi } from 'vitest';
import { QualityMonitor, qualityFromReports, rtpCounters, type StatsReport } from './quality';

function reports(o: {
  received: number;
  lost: number;
  jitter?: number;
  remoteRtt?: number;
  pairRtt?: number;
  sent?: number;
  video?: boolean;
}): StatsReport[] {
  const r: StatsReport[] = [
    { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: o.received, packetsLost: o.lost,
      bytesReceived: o.received * 160, jitter: o.jitter ?? 0.002, codecId: 'C1', audioLevel: 0.25 },
    { id: 'OA', type: 'outbound-rtp', kind: 'audio', packetsSent: o.sent ?? 500, bytesSent: (o.sent ?? 500) * 160, codecId: 'C1' },
    { id: 'C1', type: 'codec', mimeType: 'audio/opus', clockRate: 48000 },
    { id: 'C2', type: 'codec', mimeType: 'audio/PCMU', clockRate: 8000 },
    { id: 'T', type: 'transport', selectedCandidatePairId: 'P2' },
    { id: 'P1', type: 'candidate-pair', state: 'succeeded', nominated: false, currentRoundTripTime: 0.9 },
    { id: 'P2', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: o.pairRtt },
  ];
  if (o.remoteRtt !== undefined) r.push({ id: 'RIA', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: o.remoteRtt });
  if (o.video) {
    r.push({ id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: 9, packetsLost: 0, framesDecoded: 120, frameWidth: 640, frameHeight: 480 });
    r.push({ id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent: 9, framesSent: 118 });
  }
  return r;
}

describe('qualityFromReports', () => {
  it('computes loss over the interval, not since call start', () => {
    const prev = reports({ received: 1000, lost: 500, remoteRtt: 0.05 }); // terrible start
    const curr = reports({ received: 1095, lost: 505, remoteRtt: 0.05 }); // 5 of 100 lost now
    const q = qualityFromReports(prev, curr);
    expect(q.lossPercent).toBeCloseTo(5, 5);
    expect(q.packetsLost).toBe(505);
    expect(q.packetsReceived).toBe(1095);
    const clean = qualityFromReports(prev, reports({ received: 1100, lost: 500, remoteRtt: 0.05 }));
    expect(clean.lossPercent).toBe(0);
    expect(clean.color).toBe('green');
    expect(q.mos!).toBeLessThan(clean.mos!);
  });

  it('uses cumulative counters on the first sample', () => {
    const q = qualityFromReports(null, reports({ received: 90, lost: 10, remoteRtt: 0.02 }));
    expect(q.lossPercent).toBeCloseTo(10, 5);
  });

  it('prefers remote-inbound-rtp RTT and falls back to the selected candidate pair', () => {
    expect(qualityFromReports(null, reports({ received: 10, lost: 0, remoteRtt: 0.04, pairRtt: 0.3 })).rttMs).toBeCloseTo(40);
    expect(qualityFromReports(null, reports({ received: 10, lost: 0, pairRtt: 0.3 })).rttMs).toBeCloseTo(300);
    expect(qualityFromReports(null, reports({ received: 10, lost: 0 })).rttMs).toBeNull();
  });

  it('is grey with no inbound packets', () => {
    const first = qualityFromReports(null, reports({ received: 0, lost: 0, remoteRtt: 0.02 }));
    expect(first.mos).toBeNull();
    expect(first.color).toBe('grey');
    const stalled = qualityFromReports(reports({ received: 50, lost: 0 }), reports({ received: 50, lost: 0 }));
    expect(stalled.color).toBe('grey');
    expect(qualityFromReports(null, []).color).toBe('grey');
  });

  it('reports jitter, codec, counters, audio level and video', () => {
    const q = qualityFromReports(null, reports({ received: 100, lost: 0, jitter: 0.03, sent: 200, video: true }));
    expect(q.jitterMs).toBeCloseTo(30);
    expect(q.codec).toBe('opus/48000');
    expect(q.packetsSent).toBe(200);
    expect(q.bytesSent).toBe(32000);
    expect(q.bytesReceived).toBe(16000);
    expect(q.audioLevel).toBe(0.25);
    expect(q.video).toEqual({ framesDecoded: 120, framesSent: 118, width: 640, height: 480 });
    expect(qualityFromReports(null, reports({ received: 100, lost: 0 })).video).toBeUndefined();
  });
});

function fakePc(snapshots: StatsReport[][]): RTCPeerConnection {
  let i = 0;
  return {
    getStats: async () => {
      const s = snapshots[Math.min(i++, snapshots.length - 1)];
      return new Map(s.map((r) => [r.id, r]));
    },
  } as unknown as RTCPeerConnection;
}

describe('QualityMonitor', () => {
  afterEach(() => vi.useRealTimers());

  it('samples at start and every interval, computing loss between samples', async () => {
    vi.useFakeTimers();
    const pc = fakePc([reports({ received: 100, lost: 0, remoteRtt: 0.02 }), reports({ received: 180, lost: 20, remoteRtt: 0.02 })]);
    const updates: number[] = [];
    const m = new QualityMonitor(pc, (q) => updates.push(q.lossPercent ?? -1), 1000);
    m.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([0, 20]);
    expect(m.latest?.lossPercent).toBe(20);
    m.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(updates.length).toBe(2);
  });

  it('rtpCounters sums audio streams only', async () => {
    const snap = reports({ received: 100, lost: 0, sent: 70, video: true });
    snap.push({ id: 'IA2', type: 'inbound-rtp', kind: 'audio', packetsReceived: 5, packetsLost: 0, bytesReceived: 50 });
    expect(await rtpCounters(fakePc([snap]))).toEqual({ packetsSent: 70, packetsReceived: 105, bytesSent: 11200, bytesReceived: 16050 });
  });
});
