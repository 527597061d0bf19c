package org.switchboard.media.internal.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Plain RTP/RTCP (SIP phones with {@code RTP/AVP}): every datagram passes unchanged. */
public final class PlainRtp implements PacketSecurity {

    @Override
    public ByteBuffer inbound(ByteBuffer datagram, InetSocketAddress from) {
        return datagram;
    }

    @Override
    public ByteBuffer outbound(ByteBuffer packet, boolean rtcp) {
        return packet;
    }

    @Override
    public boolean ready() {
        return true;
    }
}
