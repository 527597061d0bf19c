package org.switchboard.media.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** The RTP and RTCP sockets of one leg. Sends never block: a full buffer drops the packet. */
public final class LegSocket implements DatagramSender, AutoCloseable {
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final PortAllocator ports;
    private final int port;
    private volatile boolean closed;

    LegSocket(DatagramChannel rtp, DatagramChannel rtcp, PortAllocator ports) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.ports = ports;
        try {
            this.port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** @return false if it could not be sent */
    public boolean sendRtp(ByteBuffer packet, InetSocketAddress to) {
        return send(rtp, packet, to);
    }

    public boolean sendRtcp(ByteBuffer packet, InetSocketAddress to, boolean mux) {
        return send(mux ? rtp : rtcp, packet, to);
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress to) {
        send(rtp, datagram, to);
    }

    private boolean send(DatagramChannel c, ByteBuffer packet, InetSocketAddress to) {
        if (closed || to == null) {
            return false;
        }
        try {
            return c.send(packet, to) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            PortAllocator.closeQuietly(rtp);
            PortAllocator.closeQuietly(rtcp);
            ports.release(port);
        }
    }
}
