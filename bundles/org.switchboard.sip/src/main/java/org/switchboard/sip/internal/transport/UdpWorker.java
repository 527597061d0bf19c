package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.internal.overload.MalformedSources;

/**
 * One UDP worker thread with its own bounded queue. The listener deals datagrams to workers by
 * Call-ID, so the messages of one dialog are handled one after the other in arrival order (an
 * ACK is never overtaken by the BYE sent after it), and dialogs run in parallel on the others.
 *
 * <p>It parses and hands each datagram to the stack through the RI's own
 * {@code UDPMessageChannel.processIncomingDataPacket}, the code the RI's pool threads run; a
 * Throwable there is logged at ERROR and the worker goes on.
 */
final class UdpWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpWorker.class);
    private static final MethodHandle PROCESS = processMethod();

    /** A datagram waiting for its worker: a copy of exactly its bytes, and when it arrived. */
    record Datagram(byte[] data, InetAddress address, int port, long receivedNanos) {
    }

    /** Below this depth a worker's queue is not judged by its delay. */
    static final int MIN_DEPTH_FOR_DELAY = 32;

    private final ArrayBlockingQueue<Datagram> queue;
    private final int capacity;
    private final AtomicLong queuedBytes;
    private final Channel channel;
    private final Thread thread;
    private volatile boolean running = true;

    UdpWorker(String name, int capacity, AtomicLong queuedBytes, SIPTransactionStack stack, UDPMessageProcessor processor,
            MalformedSources malformed) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.queuedBytes = queuedBytes;
        this.channel = new Channel(stack, processor, malformed);
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    boolean offer(Datagram d) {
        if (queue.offer(d)) {
            queuedBytes.addAndGet(d.data().length);
            return true;
        }
        return false;
    }

    /**
     * @param share the part of the queue new requests may fill (0.5 for new requests, more for
     *     requests that answer a challenge)
     * @return whether such a request should be refused: the queue is filled past its share, or the
     *     oldest datagram waited longer than the limit
     */
    boolean congested(long now, long maxDelayNanos, double share) {
        int size = queue.size();
        if (size >= capacity * share) {
            return true;
        }
        // a few datagrams behind one slow message (a cold JIT at boot) are no overload
        Datagram head = size < MIN_DEPTH_FOR_DELAY ? null : queue.peek();
        return head != null && now - head.receivedNanos() > maxDelayNanos;
    }

    int queued() {
        return queue.size();
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        while (running) {
            Datagram d;
            try {
                d = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                continue; // stop() sets running first
            }
            if (d == null) {
                continue;
            }
            queuedBytes.addAndGet(-d.data().length);
            try {
                PROCESS.invoke(channel, new DatagramPacket(d.data(), d.data().length, d.address(), d.port()));
            } catch (Throwable t) {
                LOG.error("A UDP worker failed on a datagram from {}:{} ({} bytes) and goes on: {}", d.address().getHostAddress(),
                        d.port(), d.data().length, t.toString(), t);
            }
        }
    }

    private static MethodHandle processMethod() {
        try {
            Method m = UDPMessageChannel.class.getDeclaredMethod("processIncomingDataPacket", DatagramPacket.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This JAIN-SIP has no UDPMessageChannel.processIncomingDataPacket(DatagramPacket): "
                    + "UdpWorker must be adapted to the JAIN-SIP version", e);
        }
    }

    /**
     * The RI's UDP channel, made with the constructor that starts no thread; one per worker, as in
     * the RI's pool. The RI answers a datagram that does not parse with a 400 of its own through
     * {@link #sendMessage(byte[], InetAddress, int, String, boolean)}: that is where it is counted.
     */
    private static final class Channel extends UDPMessageChannel {
        private static final byte[] BAD = "SIP/2.0 400 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final MalformedSources malformed;

        Channel(SIPTransactionStack stack, UDPMessageProcessor processor, MalformedSources malformed) {
            super(processor.getIpAddress(), processor.getPort(), stack, processor);
            this.malformed = malformed;
        }

        @Override
        protected void sendMessage(byte[] msg, InetAddress peer, int peerPort, String protocol, boolean retry)
                throws java.io.IOException {
            if (msg.length > BAD.length && java.util.Arrays.equals(msg, 0, BAD.length, BAD, 0, BAD.length)) {
                int eol = 0;
                while (eol < msg.length && msg[eol] != '\r') {
                    eol++;
                }
                malformed.record(peer.getHostAddress(), new String(msg, BAD.length, eol - BAD.length,
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            super.sendMessage(msg, peer, peerPort, protocol, retry);
        }
    }
}
