package org.switchboard.media.internal.leg;

import java.util.Arrays;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.codec.CodecLane;
import org.switchboard.media.internal.codec.CodecWorkers;
import org.switchboard.media.internal.jitter.JitterBuffer;
import org.switchboard.media.internal.pipeline.OutFrame;

/**
 * The receive side of a leg on the clock thread: one frame per tick from the jitter buffer,
 * decoded by the leg's own instance of the negotiated codec; a lost packet is concealed by the
 * codec (Opus: PLC, or the next packet's FEC), else by halving the last frame. An expensive codec
 * (Opus) decodes on the codec workers: this tick's packet is submitted and the previous tick's
 * PCM taken; when the worker has nothing ready, the last frame is halved here.
 */
final class Playout {
    private final JitterBuffer jitter;
    private final CodecWorkers workers;
    private CodecLane lane;
    private boolean playing;
    private final byte[] payload = new byte[1500];
    private final short[] rx = new short[OutFrame.SAMPLES];
    private boolean hasRx;
    private AudioCodec codecType;
    private AudioCodec codec;

    Playout(JitterBuffer jitter, CodecWorkers workers) {
        this.jitter = jitter;
        this.workers = workers;
    }

    /** @return this leg's instance of the codec type (codecs may keep state); clock thread only */
    AudioCodec codec(AudioCodec type) {
        if (type != codecType) {
            codecType = type;
            codec = type.newInstance();
            lane = codec.expensive() ? new CodecLane(codec, workers) : null;
        }
        return codec;
    }

    /** @return the worker lane of this leg's codec, or null when it runs on the clock */
    CodecLane lane(AudioCodec type) {
        codec(type);
        return lane;
    }

    /** Takes this tick's frame into {@link #received()}. */
    void tick(AudioCodec type) {
        if (lane(type) != null) {
            tickOnWorkers();
            return;
        }
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

    private void tickOnWorkers() {
        int len = jitter.poll(payload);
        if (len > 0) {
            lane.decode(payload, len);
            playing = true;
        } else if (len < 0 && playing) {
            int next = jitter.peek(payload);
            lane.conceal(next > 0 ? payload : null, next);
        } else {
            playing = false;
        }
        if (lane.takeDecoded(rx)) {
            hasRx = true;
        } else if (hasRx && playing) {
            for (int i = 0; i < rx.length; i++) { // the worker is late: conceal without its decoder
                rx[i] = (short) (rx[i] / 2);
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
