package org.switchboard.media.internal.leg;

import java.util.List;
import org.switchboard.api.media.PlayResult;

/** Plays loaded 8 kHz clips one after the other, 160 samples per tick. */
final class Playback extends LegOperation<PlayResult> {
    private final boolean bargeIn;
    private final Runnable onStop;
    private List<short[]> clips = List.of();
    private int clip;
    private int pos;

    Playback(ClockExecutor clock, boolean bargeIn, Runnable onStop) {
        super(clock);
        this.bargeIn = bargeIn;
        this.onStop = onStop;
    }

    void clips(List<short[]> loaded) {
        this.clips = loaded;
    }

    boolean bargeIn() {
        return bargeIn;
    }

    /**
     * Adds (mix) or copies the next 160 samples into {@code out}.
     *
     * @return false when nothing was left to play; the playback has then completed
     */
    boolean read(short[] out, boolean mix) {
        int n = 0;
        while (n < out.length && clip < clips.size()) {
            short[] c = clips.get(clip);
            int take = Math.min(out.length - n, c.length - pos);
            for (int i = 0; i < take; i++) {
                out[n + i] = mix ? Mixer.clip(out[n + i] + c[pos + i]) : c[pos + i];
            }
            n += take;
            pos += take;
            if (pos >= c.length) {
                clip++;
                pos = 0;
            }
        }
        if (n == 0) {
            finish(new PlayResult(PlayResult.End.COMPLETED, (char) 0));
            return false;
        }
        if (!mix) {
            java.util.Arrays.fill(out, n, out.length, (short) 0);
        }
        return true;
    }

    void interrupt(char digit) {
        finish(new PlayResult(PlayResult.End.DTMF, digit));
    }

    @Override
    void stopped() {
        finish(new PlayResult(PlayResult.End.STOPPED, (char) 0));
        onStop.run();
    }

    @Override
    void legEnded() {
        finish(new PlayResult(PlayResult.End.LEG_ENDED, (char) 0));
    }
}
