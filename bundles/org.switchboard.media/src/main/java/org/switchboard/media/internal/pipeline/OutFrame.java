package org.switchboard.media.internal.pipeline;

import java.nio.ByteBuffer;

/** A 20 ms frame on its way through the outgoing chain; one instance per leg, reused. */
public final class OutFrame {
    public static final int SAMPLES = 160;
    public static final int HEADER = 12;

    public final short[] pcm = new short[SAMPLES];
    public final byte[] packet = new byte[1500];
    public final ByteBuffer wrapper = ByteBuffer.wrap(packet);
    /** The packet after the security layer. */
    public ByteBuffer out;
    public int payloadLength;
    public boolean dtmf;
    public boolean marker;
    public long tick;
}
