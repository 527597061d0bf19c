// Ringing, call-waiting and ringback tones follow the call list.
import { TonePlayer } from '../../media/tones';
import { activeCalls } from '../../state/calls';
import type { Settings } from '../../state/settings';
import type { Store } from '../../state/store';
import { audioCtx } from '../../sip/media';

export class CallTones {
  private tones: TonePlayer | null = null;
  private tone = '';

  constructor(private readonly store: Store, private readonly settings: () => Settings) {
    store.subscribe(() => this.update());
  }

  private update(): void {
    const calls = activeCalls(this.store.state.calls);
    const ringingIn = calls.some(c => c.status === 'incoming');
    const others = calls.some(c => c.status === 'connected' || c.status === 'calling' || c.status === 'ringing');
    const ringback = calls.some(c => c.direction === 'outgoing' && c.status === 'ringing' && !c.earlyMedia);
    const want = ringingIn ? (others ? 'waiting' : 'ringing') : ringback ? 'ringback' : '';
    if (want === this.tone) return;
    this.tone = want;
    try {
      this.tones ??= new TonePlayer(audioCtx());
      this.tones.stop();
      const s = this.settings();
      if (want === 'ringing') this.tones.ringing(s.ringer ? [s.speaker || 'default', s.ringer] : s.speaker ? [s.speaker] : undefined);
      else if (want === 'waiting') this.tones.callWaiting();
      else if (want === 'ringback') this.tones.ringback();
    } catch { /* no audio output */ }
  }
}
