package org.switchboard.media.internal.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Gets the datagrams of one socket, on an I/O thread. */
@FunctionalInterface
public interface Receiver {
    /** @param datagram valid only during the call */
    void receive(ByteBuffer datagram, InetSocketAddress from);
}
