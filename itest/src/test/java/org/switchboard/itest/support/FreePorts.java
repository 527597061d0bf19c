package org.switchboard.itest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks ports that are free right now. Every socket stays open until {@link #close()}, so two
 * picks of one instance never return the same port.
 */
public final class FreePorts implements AutoCloseable {

    private final List<AutoCloseable> held = new ArrayList<>();

    /** @return a port free for TCP */
    public int tcp() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a port free for both UDP and TCP, as SIP on one port needs */
    public int udpAndTcp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = tcp();
            try {
                held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                // the SIP listener binds 0.0.0.0, check the wildcard address for UDP too
                return port;
            } catch (IOException taken) {
                // the UDP side is in use: try another
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP");
    }

    @Override
    public void close() {
        for (AutoCloseable socket : held) {
            try {
                socket.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        held.clear();
    }
}
