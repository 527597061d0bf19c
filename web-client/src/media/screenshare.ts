/**
 * Screen sharing by swapping the video sender's track.
 *
 * Why: replaceTrack() switches camera -> screen without SDP renegotiation, so it works on
 * any established video call. The camera tracks are remembered and put back when sharing
 * stops, whether from our button or the browser's own "Stop sharing" bar (track 'ended').
 * The call must already have a video sender (start it as, or upgrade it to, a video call).
 */

type Sender = Pick<RTCRtpSender, 'track' | 'replaceTrack'>;

export class ScreenShare {
  /** Called when sharing ends because the user stopped it in the browser UI. */
  onended?: () => void;
  private screen: MediaStreamTrack | null = null;
  private saved: Array<{ sender: Sender; track: MediaStreamTrack | null }> = [];

  constructor(
    private readonly getDisplayMedia: () => Promise<MediaStream> = () =>
      navigator.mediaDevices.getDisplayMedia({ video: true }),
  ) {}

  get active(): boolean {
    return this.screen !== null;
  }

  /** Asks for a screen and sends it on every video sender; rejects if the user cancels. */
  async start(senders: RTCRtpSender[]): Promise<void> {
    if (this.active) await this.stop();
    const stream = await this.getDisplayMedia();
    const screen = stream.getVideoTracks()[0];
    if (!screen) throw new Error('getDisplayMedia returned no video track');
    stream.getAudioTracks().forEach((t) => t.stop());
    if ('contentHint' in screen) screen.contentHint = 'detail';
    const video = (senders as Sender[]).filter((s) => s.track === null || s.track.kind === 'video');
    this.screen = screen;
    this.saved = video.map((sender) => ({ sender, track: sender.track }));
    screen.addEventListener('ended', this.handleEnded);
    try {
      await Promise.all(video.map((s) => s.replaceTrack(screen)));
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  /** Restores the previous (camera) tracks and releases the screen. */
  async stop(): Promise<void> {
    const screen = this.screen;
    if (!screen) return;
    this.screen = null;
    screen.removeEventListener('ended', this.handleEnded);
    screen.stop();
    const saved = this.saved;
    this.saved = [];
    await Promise.all(saved.map(({ sender, track }) => sender.replaceTrack(track).catch(() => {})));
  }

  private readonly handleEnded = (): void => {
    void this.stop().then(() => this.onended?.());
  };
}
