/** Takes the tracks off RTP senders (no packets at all, e.g. while holding without music on
 *  hold) and puts them back, with the audio track's enabled state given at resume (mute may
 *  have changed meanwhile). */
type Sender = Pick<RTCRtpSender, 'track' | 'replaceTrack'>;
type Track = Pick<MediaStreamTrack, 'kind' | 'enabled' | 'readyState'>;

export class SenderPause {
  private paused = new Map<Sender, Track>();
  get active(): boolean { return this.paused.size > 0; }

  pause(senders: Sender[]): void {
    if (this.active) return;
    for (const s of senders) {
      if (!s.track) continue;
      this.paused.set(s, s.track);
      void s.replaceTrack(null).catch(() => {});
    }
  }

  resume(audioEnabled: boolean): void {
    for (const [s, t] of this.paused) {
      if (t.readyState === 'ended') continue;
      if (t.kind === 'audio') t.enabled = audioEnabled;
      void s.replaceTrack(t as MediaStreamTrack)
        .then(() => { if (t.kind === 'audio') t.enabled = audioEnabled; })
        .catch(() => {});
    }
    this.paused.clear();
  }
}
