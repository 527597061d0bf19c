package org.switchboard.media.internal.leg;

import java.util.function.Consumer;
import org.switchboard.api.media.AudioFrame;
import org.switchboard.media.internal.codec.Resampler;

/** Copies a leg's received and sent frames to a consumer, at 8 or 16 kHz. */
final class Tap extends LegOperation<Void> {
    private final String legId;
    private final int rate;
    private final Consumer<AudioFrame> consumer;
    private final Runnable remove;

    Tap(ClockExecutor clock, String legId, int rate, Consumer<AudioFrame> consumer, Runnable remove) {
        super(clock);
        if (rate != 8000 && rate != 16000) {
            throw new IllegalArgumentException("a tap runs at 8000 or 16000 Hz, not " + rate);
        }
        this.legId = legId;
        this.rate = rate;
        this.consumer = consumer;
        this.remove = remove;
    }

    void deliver(AudioFrame.Direction direction, short[] pcm, long now) {
        short[] copy;
        if (rate == 16000) {
            copy = new short[pcm.length * 2];
            Resampler.up(pcm, pcm.length, copy);
        } else {
            copy = pcm.clone();
        }
        consumer.accept(new AudioFrame(legId, direction, rate, copy, now));
    }

    @Override
    void stopped() {
        remove.run();
        finish(null);
    }

    @Override
    void legEnded() {
        finish(null);
    }
}
