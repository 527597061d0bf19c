package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.internal.overload.DatagramHead;
import org.switchboard.sip.internal.overload.LoadGate;
import org.switchboard.sip.internal.overload.MalformedSources;
import org.switchboard.sip.internal.overload.Overload503;
import org.switchboard.sip.internal.overload.OverloadLimits;

/**
 * The UDP listener, in place of the RI's receive loop, which allocated 64 KiB for every datagram,
 * queued it without bound and died on the first Error (an OutOfMemoryError from that queue).
 *
 * <ul>
 *   <li>one receive buffer, reused; a queued datagram costs a copy of its own size;</li>
 *   <li>datagrams are dealt by Call-ID to {@link UdpWorker}s with bounded queues, so one dialog's
 *       messages keep their order;</li>
 *   <li>a new initial request that finds its worker congested (half full, or the oldest datagram
 *       waiting longer than the limit), the byte budget half spent, or the {@link LoadGate}
 *       closed, is answered 503 with Retry-After right here, from its bytes;</li>
 *   <li>responses and in-dialog requests are queued until the hard bounds, so calls already
 *       set up end cleanly;</li>
 *   <li>no Throwable ends the loop, and a socket closed under it is opened again.</li>
 * </ul>
 */
public final class UdpListener extends UDPMessageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    private static final int MAX_DATAGRAM = 65_535;

    private final LoadGate gate;
    private final MalformedSources malformed;
    private final OverloadLimits limits;
    private final Overload503 refusal;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final int threads;
    private volatile UdpWorker[] workers = new UdpWorker[0];
    private volatile Thread receiver;
    private volatile long lastReceivedNanos = System.nanoTime();
    private long errors;

    UdpListener(InetAddress ip, SIPTransactionStack stack, int port, int threads, LoadGate gate, MalformedSources malformed)
            throws IOException {
        super(ip, stack, port);
        this.malformed = malformed;
        this.gate = gate;
        this.limits = gate.limits();
        this.threads = Math.max(1, threads);
        this.refusal = new Overload503(limits.retryAfterSeconds());
        sendFromListeningPort(stack);
    }

    /**
     * Sets the stack's {@code udpFlag}, which the RI's own factory sets when it makes a UDP
     * processor: without it every UDP message is sent from a new socket on an ephemeral port,
     * and peers answer to a port nobody reads (a callee's 180 and 200 to a forwarded INVITE).
     */
    private static void sendFromListeningPort(SIPTransactionStack stack) throws IOException {
        try {
            java.lang.reflect.Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("This JAIN-SIP has no SIPTransactionStack.udpFlag: UdpListener must be adapted to it", e);
        }
    }

    @Override
    public void start() throws IOException {
        messageChannels = new LinkedList<>();
        UdpWorker[] w = new UdpWorker[threads];
        int each = Math.max(16, limits.udpQueueMessages() / threads);
        for (int i = 0; i < threads; i++) {
            w[i] = new UdpWorker("sip-udp-" + getPort() + "-worker-" + i, each, queuedBytes, sipStack, this, malformed);
            w[i].start();
        }
        workers = w;
        isRunning = true;
        Thread t = new Thread(this, "sip-udp-" + getPort() + "-receive");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        receiver = t;
        t.start();
    }

    @Override
    public void run() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (isRunning) {
            try {
                packet.setData(buffer, 0, buffer.length);
                sock.receive(packet);
                lastReceivedNanos = System.nanoTime();
                admit(packet, buffer);
            } catch (SocketException e) {
                if (!isRunning) {
                    return;
                }
                reopen(e);
            } catch (Throwable t) {
                if (errors++ % 1000 == 0) {
                    LOG.error("The UDP listener on port {} hit {} ({} so far) and goes on receiving", getPort(), t, errors, t);
                }
            }
        }
    }

    private void admit(DatagramPacket packet, byte[] buffer) throws IOException {
        int length = packet.getLength();
        if (keepAlive(buffer, length)) {
            return; // RFC 5626 CRLF keep-alive
        }
        DatagramHead head = DatagramHead.of(buffer, length);
        UdpWorker[] w = workers;
        UdpWorker worker = w[Math.floorMod(head.callIdHash(), w.length)];
        long now = System.nanoTime();
        // new requests may fill half the queue; those that answer a challenge three quarters and may
        // have waited twice as long: refusing them would waste the work already spent on them
        boolean answering = head.credentials();
        if (!head.priority() && (worker.congested(now, limits.maxQueueDelayMillis() * (answering ? 2_000_000L : 1_000_000L),
                answering ? 0.75 : 0.5) || queuedBytes.get() * 2 > limits.udpQueueBytes() || gate.overloaded())) {
            refuse(head, packet);
            return;
        }
        if (queuedBytes.get() + length > limits.udpQueueBytes()
                || !worker.offer(new UdpWorker.Datagram(Arrays.copyOf(buffer, length), packet.getAddress(), packet.getPort(), now))) {
            if (head.priority()) {
                gate.dropped();
            } else {
                refuse(head, packet);
            }
        }
    }

    private void refuse(DatagramHead head, DatagramPacket packet) throws IOException {
        byte[] answer = refusal.answer(head);
        if (answer == null) {
            gate.dropped();
            return;
        }
        gate.shed();
        sock.send(new DatagramPacket(answer, answer.length, packet.getAddress(), packet.getPort()));
    }

    private static boolean keepAlive(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private void reopen(SocketException e) {
        LOG.error("The UDP socket on port {} failed ({}); opening it again", getPort(), e.toString());
        try {
            if (sock.isClosed()) {
                DatagramSocket s = sipStack.getNetworkLayer().createDatagramSocket(getPort(), getIpAddress());
                s.setReceiveBufferSize(sipStack.getReceiveUdpBufferSize());
                s.setSendBufferSize(sipStack.getSendUdpBufferSize());
                sock = s;
            }
        } catch (IOException | RuntimeException again) {
            LOG.error("Cannot open the UDP socket on port {} again: {}", getPort(), again.toString());
            try {
                Thread.sleep(1000); // not a busy loop while the port is taken
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        isRunning = false;
        for (UdpWorker w : workers) {
            w.stop();
        }
        super.stop();
    }

    @Override
    public boolean inUse() {
        return queued() > 0;
    }

    /** @return the listener's state now, for sip:transports and the health report */
    public ListenerState state() {
        boolean alive = isRunning && receiver != null && receiver.isAlive() && !sock.isClosed();
        for (UdpWorker w : workers) {
            alive &= w.alive();
        }
        return new ListenerState("UDP", getPort(), alive, queued(), (System.nanoTime() - lastReceivedNanos) / 1_000_000);
    }

    private int queued() {
        int n = 0;
        for (UdpWorker w : workers) {
            n += w.queued();
        }
        return n;
    }
}
