/**
 * Client-side audio conference (as in the AudioCodes WebRTC softphone).
 *
 * Why: the platform has no conference bridge for browser calls, so the softphone mixes
 * locally. While active, each call i sends mic + the remote audio of every other call, and
 * the user hears every call through heardStream(). Chrome only feeds a remote WebRTC stream
 * into Web Audio if the stream is also attached to a media element, so each remote stream is
 * attached to a muted Audio element while mixed.
 * Mute: JsSIP's session.mute() toggles sender.track.enabled, i.e. the mixed track while
 * mixing. The mixer therefore mixes a clone of the mic (always enabled) and carries the
 * enabled state original -> mixed track on join and back on leave, so mute stays per call.
 */

/** For each call, the other calls whose remote audio is mixed into what it is sent. */
export function mixPlan(callIds: string[]): Map<string, string[]> {
  const ids = [...new Set(callIds)];
  return new Map(ids.map((id) => [id, ids.filter((other) => other !== id)]));
}

/** Plays a stream in a muted Audio element (Chrome WebAudio workaround); returns a detach function. */
export function attachMuted(stream: MediaStream): () => void {
  if (typeof Audio === 'undefined') return () => {};
  const el = new Audio();
  el.muted = true;
  el.srcObject = stream;
  void el.play()?.catch(() => {});
  return () => {
    el.pause();
    el.srcObject = null;
  };
}

interface Leg {
  pc: RTCPeerConnection;
  mic: MediaStream;
  micClones?: MediaStreamTrack[];
  sender?: RTCRtpSender;
  original?: MediaStreamTrack | null;
  micSource?: MediaStreamAudioSourceNode;
  remoteSource?: MediaStreamAudioSourceNode;
  dest?: MediaStreamAudioDestinationNode;
  detach?: () => void;
}

function audioSender(pc: RTCPeerConnection): RTCRtpSender | undefined {
  return (
    pc.getSenders().find((s) => s.track?.kind === 'audio') ??
    pc.getTransceivers().find((t) => t.receiver.track?.kind === 'audio' && t.currentDirection !== 'stopped')?.sender
  );
}

function remoteAudio(pc: RTCPeerConnection): MediaStream | null {
  const tracks = pc.getReceivers().map((r) => r.track).filter((t) => t && t.kind === 'audio');
  return tracks.length ? new MediaStream(tracks) : null;
}

export class ConferenceMixer {
  private readonly legs = new Map<string, Leg>();
  private readonly heard: MediaStreamAudioDestinationNode;
  private running = false;

  /** attach: how remote streams are kept flowing (default: muted Audio element). */
  constructor(
    private readonly ctx: AudioContext,
    private readonly attach: (s: MediaStream) => () => void = attachMuted,
  ) {
    this.heard = ctx.createMediaStreamDestination();
  }

  get active(): boolean {
    return this.running;
  }

  /** What the user hears while mixing: the remote audio of all calls. */
  heardStream(): MediaStream {
    return this.heard.stream;
  }

  /** Registers a call; if the conference is active it joins at once. */
  add(callId: string, pc: RTCPeerConnection, micStream: MediaStream): void {
    this.remove(callId);
    const leg: Leg = { pc, mic: micStream };
    this.legs.set(callId, leg);
    if (this.running) {
      this.join(leg);
      this.wire();
    }
  }

  /** Unregisters a call; its original mic track is put back if it was mixed. */
  remove(callId: string): void {
    const leg = this.legs.get(callId);
    if (!leg) return;
    this.legs.delete(callId);
    this.leave(leg);
    if (this.running) this.wire();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.ctx.state === 'suspended') void this.ctx.resume();
    this.legs.forEach((leg) => this.join(leg));
    this.wire();
  }

  /** Ends mixing; every call gets its original mic track back. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.legs.forEach((leg) => this.leave(leg));
  }

  private join(leg: Leg): void {
    leg.sender = audioSender(leg.pc);
    leg.original = leg.sender?.track ?? null;
    leg.micClones = leg.mic.getAudioTracks().map((t) => {
      const c = t.clone();
      c.enabled = true;
      return c;
    });
    if (leg.micClones.length) leg.micSource = this.ctx.createMediaStreamSource(new MediaStream(leg.micClones));
    leg.dest = this.ctx.createMediaStreamDestination();
    const remote = remoteAudio(leg.pc);
    if (remote) {
      leg.detach = this.attach(remote);
      leg.remoteSource = this.ctx.createMediaStreamSource(remote);
    }
    const mixed = leg.dest.stream.getAudioTracks()[0];
    if (leg.sender && mixed) {
      if (leg.original) mixed.enabled = leg.original.enabled;
      void leg.sender.replaceTrack(mixed).catch(() => {});
    }
  }

  private leave(leg: Leg): void {
    const mixed = leg.dest?.stream.getAudioTracks()[0];
    if (leg.original && mixed) leg.original.enabled = mixed.enabled;
    if (leg.sender && leg.dest) void leg.sender.replaceTrack(leg.original ?? null).catch(() => {});
    leg.micClones?.forEach((t) => t.stop());
    leg.micSource?.disconnect();
    leg.remoteSource?.disconnect();
    leg.dest?.stream.getTracks().forEach((t) => t.stop());
    leg.detach?.();
    leg.micClones = leg.sender = leg.original = leg.micSource = leg.remoteSource = leg.dest = leg.detach = undefined;
  }

  /** Rebuilds all connections from mixPlan(). */
  private wire(): void {
    this.legs.forEach((leg) => {
      leg.micSource?.disconnect();
      leg.remoteSource?.disconnect();
    });
    mixPlan([...this.legs.keys()]).forEach((others, id) => {
      const leg = this.legs.get(id)!;
      if (leg.dest) leg.micSource?.connect(leg.dest);
      leg.remoteSource?.connect(this.heard);
      for (const other of others) {
        const src = this.legs.get(other)?.remoteSource;
        if (src && leg.dest) src.connect(leg.dest);
      }
    });
  }
}
