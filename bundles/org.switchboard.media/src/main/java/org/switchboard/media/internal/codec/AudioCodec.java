package org.switchboard.media.internal.codec;

/**
 * An audio codec working on 20 ms frames of 8 kHz PCM (the engine's rate), without allocation
 * per frame. Stateless codecs (G.711) are shared; a codec with state (Opus) gives every leg its
 * own {@link #newInstance()}.
 */
public interface AudioCodec {

    /** @return the SDP encoding name */
    String name();

    /** @return the static RTP payload type */
    int payloadType();

    /** @return the RTP clock rate: timestamps advance by this many units per second */
    default int clockRate() {
        return 8000;
    }

    /** @return the {@code a=rtpmap} value after the payload type, e.g. {@code PCMU/8000} */
    default String rtpmap() {
        return name() + "/" + clockRate();
    }

    /** @return the {@code a=fmtp} parameters we announce, or null */
    default String fmtp() {
        return null;
    }

    /**
     * @return whether encoding and decoding cost so much (Opus) that they run on the codec workers
     *     instead of the clock thread ({@link CodecLane})
     */
    default boolean expensive() {
        return false;
    }

    /** @return the codec for one leg: this one when it keeps no state */
    default AudioCodec newInstance() {
        return this;
    }

    /**
     * Fills a frame for a lost packet.
     *
     * @param next the packet after the lost one if it is already buffered (for in-band FEC), or null
     * @return the number of samples written to {@code pcm}, 0 if the codec has no concealment
     */
    default int conceal(byte[] next, int off, int len, short[] pcm) {
        return 0;
    }

    /**
     * @return the number of bytes written to {@code out}
     */
    int encode(short[] pcm, int samples, byte[] out, int outOff);

    /**
     * @return the number of samples written to {@code pcm}
     */
    int decode(byte[] in, int off, int len, short[] pcm);
}
