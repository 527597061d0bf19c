package org.switchboard.media.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's UDP sockets: a port range and a few I/O threads shared by every leg. */
public final class UdpTransport implements AutoCloseable {
    private final PortAllocator ports;
    private final IoLoop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();

    public UdpTransport(InetAddress bind, int portMin, int portMax, int ioThreads) {
        this.ports = new PortAllocator(bind, portMin, portMax);
        this.loops = new IoLoop[Math.max(1, ioThreads)];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new IoLoop("media-io-" + i);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Opens a port pair whose datagrams go to the receivers. */
    public LegSocket open(Receiver rtp, Receiver rtcp) {
        DatagramChannel[] pair = ports.allocate();
        IoLoop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
        LegSocket socket = new LegSocket(pair[0], pair[1], ports);
        try {
            loop.register(pair[0], rtp);
            loop.register(pair[1], rtcp);
        } catch (RuntimeException e) {
            socket.close(); // the ports go back to the range
            throw e;
        }
        return socket;
    }

    @Override
    public void close() {
        for (IoLoop l : loops) {
            if (l != null) {
                l.close();
            }
        }
    }
}
