import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConferenceMixer, mixPlan } from './conference';

describe('mixPlan', () => {
  it('feeds every call from all the others', () => {
    const plan = mixPlan(['a', 'b', 'c']);
    expect([...plan.keys()]).toEqual(['a', 'b', 'c']);
    expect(plan.get('a')).toEqual(['b', 'c']);
    expect(plan.get('b')).toEqual(['a', 'c']);
    expect(plan.get('c')).toEqual(['a', 'b']);
  });
  it('handles one call, no calls and duplicates', () => {
    expect(mixPlan(['a']).get('a')).toEqual([]);
    expect(mixPlan([]).size).toBe(0);
    expect(mixPlan(['a', 'a', 'b']).get('a')).toEqual(['b']);
  });
});

// ---- fakes: just enough Web Audio / WebRTC to observe the graph and the sender tracks ----
type Track = { kind: string; label: string; enabled: boolean; stopped: boolean; stop: () => void; clone: () => Track };
const track = (label: string, kind = 'audio'): Track => {
  const t: Track = { kind, label, enabled: true, stopped: false, stop: () => { t.stopped = true; },
    clone: () => Object.assign(track(label, kind), { enabled: t.enabled }) };
  return t;
};
class FakeStream {
  constructor(public tracks: Track[]) {}
  getTracks() { return this.tracks; }
  getAudioTracks() { return this.tracks.filter((t) => t.kind === 'audio'); }
}
class Node {
  out = new Set<Node>();
  constructor(public label: string, public stream?: FakeStream) {}
  connect(n: Node) { this.out.add(n); }
  disconnect() { this.out.clear(); }
}
let nodes: Node[] = [];
let destCount = 0;
const ctx = {
  state: 'running',
  resume: async () => {},
  createMediaStreamDestination: () => {
    const n = new Node(`dest${destCount}`, new FakeStream([track(`mix${destCount++}`)]));
    nodes.push(n);
    return n;
  },
  createMediaStreamSource: (s: FakeStream) => {
    const n = new Node(`src:${s.tracks.map((t) => t.label).join('+')}`, s);
    nodes.push(n);
    return n;
  },
} as unknown as AudioContext;

function fakeCall(name: string) {
  const sender = { track: track(`mic-${name}`) as Track | null, replaceTrack: async (t: Track | null) => { sender.track = t; } };
  const pc = {
    getSenders: () => [{ track: track('cam', 'video') }, sender],
    getTransceivers: () => [],
    getReceivers: () => [{ track: track(`remote-${name}`) }, { track: track(`rvideo-${name}`, 'video') }],
  } as unknown as RTCPeerConnection;
  return { pc, sender, mic: new FakeStream([sender.track!]) as unknown as MediaStream };
}
/** Labels of the remote/mic sources feeding a destination with the given mixed track label. */
function feeds(mixLabel: string): string[] {
  const dest = nodes.find((n) => n.stream?.tracks[0]?.label === mixLabel && n.label.startsWith('dest'))!;
  return nodes.filter((n) => n.out.has(dest)).map((n) => n.label).sort();
}

describe('ConferenceMixer', () => {
  beforeEach(() => { nodes = []; destCount = 0; vi.stubGlobal('MediaStream', FakeStream); });
  afterEach(() => vi.unstubAllGlobals());

  it('mixes mic + other calls into each sender, and restores on stop', async () => {
    const attached: string[] = [];
    const m = new ConferenceMixer(ctx, (s) => { attached.push(s.getTracks()[0].label); return () => attached.pop(); });
    const a = fakeCall('a'), b = fakeCall('b');
    m.add('a', a.pc, a.mic);
    m.add('b', b.pc, b.mic);
    expect(m.active).toBe(false);
    expect(a.sender.track?.label).toBe('mic-a');

    m.start();
    await Promise.resolve();
    expect(m.active).toBe(true);
    expect(attached.sort()).toEqual(['remote-a', 'remote-b']);
    const mixA = a.sender.track!.label, mixB = b.sender.track!.label;
    expect(mixA).toMatch(/^mix/);
    expect(feeds(mixA)).toEqual(['src:mic-a', 'src:remote-b']);
    expect(feeds(mixB)).toEqual(['src:mic-b', 'src:remote-a']);
    expect(feeds('mix0')).toEqual(['src:remote-a', 'src:remote-b']); // heardStream
    expect(m.heardStream().getTracks()[0].label).toBe('mix0');

    m.stop();
    await Promise.resolve();
    expect(m.active).toBe(false);
    expect(a.sender.track?.label).toBe('mic-a');
    expect(b.sender.track?.label).toBe('mic-b');
    expect(attached).toEqual([]);
    expect(nodes.every((n) => n.out.size === 0)).toBe(true);
  });

  it('lets calls join and leave while active', async () => {
    const m = new ConferenceMixer(ctx, () => () => {});
    const a = fakeCall('a'), b = fakeCall('b'), c = fakeCall('c');
    m.add('a', a.pc, a.mic);
    m.add('b', b.pc, b.mic);
    m.start();
    m.add('c', c.pc, c.mic);
    await Promise.resolve();
    expect(feeds(c.sender.track!.label)).toEqual(['src:mic-c', 'src:remote-a', 'src:remote-b']);
    expect(feeds(a.sender.track!.label)).toEqual(['src:mic-a', 'src:remote-b', 'src:remote-c']);

    m.remove('b');
    await Promise.resolve();
    expect(b.sender.track?.label).toBe('mic-b');
    expect(feeds(a.sender.track!.label)).toEqual(['src:mic-a', 'src:remote-c']);
    expect(feeds('mix0')).toEqual(['src:remote-a', 'src:remote-c']);
  });

  it('keeps per-call mute (sender.track.enabled, as JsSIP does) across start and stop', async () => {
    const m = new ConferenceMixer(ctx, () => () => {});
    const a = fakeCall('a'), b = fakeCall('b');
    const micA = a.sender.track!;
    micA.enabled = false; // call a muted before the conference
    m.add('a', a.pc, a.mic);
    m.add('b', b.pc, b.mic);
    m.start();
    await Promise.resolve();
    expect(a.sender.track!.enabled).toBe(false); // a stays muted
    expect(b.sender.track!.enabled).toBe(true);
    // the mixer mixes an enabled clone of each mic, so muting one leg never silences the others
    const clone = nodes.find((n) => n.label === 'src:mic-a')!.stream!.tracks[0];
    expect(clone.enabled).toBe(true);
    a.sender.track!.enabled = true; // unmute a during the conference
    b.sender.track!.enabled = false; // mute b during the conference
    m.stop();
    await Promise.resolve();
    expect(a.sender.track).toBe(micA);
    expect(micA.enabled).toBe(true);
    expect(b.sender.track!.enabled).toBe(false);
    expect(clone.stopped).toBe(true);
  });
});
