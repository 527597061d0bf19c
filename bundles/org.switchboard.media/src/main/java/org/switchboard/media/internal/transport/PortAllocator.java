package org.switchboard.media.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;
import org.switchboard.api.media.MediaException;

/**
 * Hands out even/odd UDP port pairs (RTP, RTCP) from the configured range, next-fit, so that a
 * port just freed is not reused at once (late packets of the old call).
 */
public final class PortAllocator {
    private final InetAddress bind;
    private final int min;
    private final int pairs;
    private final BitSet used;
    private int next;

    public PortAllocator(InetAddress bind, int min, int max) {
        this.bind = bind;
        this.min = (min + 1) & ~1;
        this.pairs = Math.max(0, (max - this.min + 1) / 2);
        if (pairs == 0) {
            throw new IllegalArgumentException("the port range " + min + "-" + max + " holds no even/odd pair");
        }
        this.used = new BitSet(pairs);
    }

    /** @return two bound non-blocking channels: RTP on an even port, RTCP on the next */
    public synchronized DatagramChannel[] allocate() {
        for (int tries = 0; tries < pairs; tries++) {
            int pair = next;
            next = (next + 1) % pairs;
            if (used.get(pair)) {
                continue;
            }
            int port = min + 2 * pair;
            DatagramChannel rtp = null;
            try {
                rtp = open(port);
                DatagramChannel rtcp = open(port + 1);
                used.set(pair);
                return new DatagramChannel[] {rtp, rtcp};
            } catch (IOException e) {
                closeQuietly(rtp);
            }
        }
        throw new MediaException(503, "no free UDP port pair in the media port range; widen port.min/port.max");
    }

    public synchronized void release(int rtpPort) {
        used.clear((rtpPort - min) / 2);
    }

    private DatagramChannel open(int port) throws IOException {
        DatagramChannel c = DatagramChannel.open(bind instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            c.bind(new InetSocketAddress(bind, port));
            c.configureBlocking(false);
            return c;
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    static void closeQuietly(DatagramChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a UDP socket cannot fail in a way we could act on
            }
        }
    }
}
