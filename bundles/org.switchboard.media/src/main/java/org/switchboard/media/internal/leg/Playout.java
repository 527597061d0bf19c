package org.switchboard.media.internal.leg;

import java.util.Arrays;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.jitter.JitterBuffer;
import org.switchboard.media.internal.pipeline.OutFrame;

/**
 * The receive side of a leg on the clock thread: one frame per tick from the jitter buffer,
 * decoded by the leg's own instance of the negotiated codec; a lost packet is concealed by the
 * codec (Opus: PLC, or the next packet's FEC), else by halving the last frame.
 */
final class Playout {
    private final JitterBuffer jitter;
    private final byte[] payload = new byte[1500];
    private final short[] rx = new short[OutFrame.SAMPLES];
    private boolean hasRx;
    private AudioCodec codecType;
    private AudioCodec codec;

    Playout(JitterBuffer jitter) {
        this.jitter = jitter;
    }

    /** @return this leg's instance of the codec type (codecs may keep state); clock thread only */
    AudioCodec codec(AudioCodec type) {
        if (type != codecType) {
            codecType = type;
            codec = type.newInstance();
        }
        return codec;
    }

    /** Takes this tick's frame into {@link #received()}. */
    void tick(AudioCodec type) {
        int len = jitter.poll(payload);
        if (len > 0) {
            codec(type).decode(payload, 0, len, rx);
            hasRx = true;
        } else if (len < 0 && hasRx) {
            int next = jitter.peek(payload);
            if (codec(type).conceal(next > 0 ? payload : null, 0, next, rx) == 0) {
                for (int i = 0; i < rx.length; i++) {
                    rx[i] = (short) (rx[i] / 2);
                }
            }
        } else {
            Arrays.fill(rx, (short) 0);
            hasRx = false;
        }
    }

    short[] received() {
        return rx;
    }

    boolean hasReceived() {
        return hasRx;
    }

    void hasReceived(boolean value) {
        hasRx = value;
    }
}
