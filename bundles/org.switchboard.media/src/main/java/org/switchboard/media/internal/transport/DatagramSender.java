package org.switchboard.media.internal.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends a datagram through a leg's UDP socket, for the security layer's own traffic (STUN
 * responses, DTLS records). The bytes from position to limit are copied before it returns,
 * so the caller may reuse the buffer. Safe to call from any thread.
 */
@FunctionalInterface
public interface DatagramSender {
    void send(ByteBuffer datagram, InetSocketAddress to);
}
