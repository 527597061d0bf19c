package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bouncycastle.tls.DatagramTransport;
import org.switchboard.media.internal.transport.DatagramSender;

/**
 * BouncyCastle's view of the leg's socket: DTLS records arrive from the demultiplexer through a
 * queue and leave through the leg's {@link DatagramSender} to the ICE-selected address.
 */
final class QueueDatagramTransport implements DatagramTransport {
    private static final int MTU = 1200; // leaves room for IPv6 + UDP headers and TURN framing
    private static final int MAX_QUEUED = 64;
    private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final DatagramSender sender;
    private final Supplier<InetSocketAddress> destination;
    private volatile boolean closed;

    QueueDatagramTransport(DatagramSender sender, Supplier<InetSocketAddress> destination) {
        this.sender = sender;
        this.destination = destination;
    }

    /** Called by the demultiplexer; drops the record when the queue is full (DTLS retransmits). */
    void offer(byte[] record) {
        if (!closed) {
            inbound.offer(record);
        }
    }

    boolean hasPending() {
        return !inbound.isEmpty();
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        try {
            byte[] record = waitMillis <= 0 ? inbound.poll() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (record == null) {
                return -1;
            }
            int n = Math.min(len, record.length);
            System.arraycopy(record, 0, buf, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS receive interrupted");
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        InetSocketAddress to = destination.get();
        if (closed || to == null) {
            return; // no checked address yet: BouncyCastle retransmits the flight
        }
        sender.send(ByteBuffer.wrap(buf, off, len), to);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }
}
