package org.switchboard.media.internal.codec;

/** An 8 kHz audio codec working on 20 ms frames, without allocation. */
public interface AudioCodec {

    /** @return the SDP encoding name */
    String name();

    /** @return the static RTP payload type */
    int payloadType();

    /**
     * @return the number of bytes written to {@code out}
     */
    int encode(short[] pcm, int samples, byte[] out, int outOff);

    /**
     * @return the number of samples written to {@code pcm}
     */
    int decode(byte[] in, int off, int len, short[] pcm);
}
