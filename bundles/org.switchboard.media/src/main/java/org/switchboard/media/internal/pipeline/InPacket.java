package org.switchboard.media.internal.pipeline;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.switchboard.media.internal.rtp.RtpPacket;

/** A received datagram on its way through the incoming chain; one instance per leg, reused. */
public final class InPacket {
    public ByteBuffer buffer;
    public InetSocketAddress from;
    public boolean rtcpPort;
    public byte[] array;
    public int offset;
    public int length;
    public final RtpPacket rtp = new RtpPacket();
    private byte[] copy = new byte[2048];

    /** Points {@link #array} at the buffer's content, copying only for direct buffers. */
    public void load(ByteBuffer b) {
        buffer = b;
        if (b.hasArray()) {
            array = b.array();
            offset = b.arrayOffset() + b.position();
            length = b.remaining();
        } else {
            if (copy.length < b.remaining()) {
                copy = new byte[b.remaining()];
            }
            length = b.remaining();
            b.get(b.position(), copy, 0, length);
            array = copy;
            offset = 0;
        }
    }
}
