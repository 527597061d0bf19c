package org.switchboard.media.internal.leg;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.switchboard.api.media.RecordOptions;
import org.switchboard.api.media.RecordResult;

/**
 * Records received frames in memory (16 KB per second) and hands them to a writer when it
 * ends; a frame whose RMS is below {@value #SILENCE_RMS} (about -40 dBFS) counts as silence.
 */
final class Recording extends LegOperation<RecordResult> {
    static final int SILENCE_RMS = 330;

    /** Writes the samples to the target, then completes the recording. */
    interface Writer {
        void write(Recording r, short[] samples, int count, Consumer<Throwable> done);
    }

    private final RecordOptions options;
    private final Writer writer;
    private short[] samples = new short[8000 * 10];
    private int count;
    private long silentMs;
    private boolean ending;

    Recording(ClockExecutor clock, RecordOptions options, Writer writer) {
        super(clock);
        this.options = options;
        this.writer = writer;
    }

    RecordOptions options() {
        return options;
    }

    void frame(short[] pcm, int n) {
        if (ending) {
            return;
        }
        if (count + n > samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        System.arraycopy(pcm, 0, samples, count, n);
        count += n;
        silentMs = rms(pcm, n) < SILENCE_RMS ? silentMs + n / 8 : 0;
        if (options.silence() != null && silentMs >= options.silence().toMillis()) {
            end(RecordResult.End.SILENCE, (char) 0);
        } else if (count / 8 >= options.maxDuration().toMillis()) {
            end(RecordResult.End.MAX_DURATION, (char) 0);
        }
    }

    void digit(char d) {
        if (!ending && options.stopDigits().indexOf(d) >= 0) {
            end(RecordResult.End.DTMF, d);
        }
    }

    boolean ending() {
        return ending;
    }

    static double rms(short[] pcm, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += pcm[i] * pcm[i];
        }
        return n == 0 ? 0 : Math.sqrt((double) sum / n);
    }

    private void end(RecordResult.End end, char digit) {
        ending = true;
        RecordResult result = new RecordResult(options.target(), Duration.ofMillis(count / 8), end, digit);
        writer.write(this, samples, count, error -> {
            if (error == null) {
                finish(result);
            } else {
                fail(error);
            }
        });
    }

    @Override
    void stopped() {
        if (!ending) {
            end(RecordResult.End.STOPPED, (char) 0);
        }
    }

    @Override
    void legEnded() {
        if (!ending) {
            end(RecordResult.End.LEG_ENDED, (char) 0);
        }
    }
}
