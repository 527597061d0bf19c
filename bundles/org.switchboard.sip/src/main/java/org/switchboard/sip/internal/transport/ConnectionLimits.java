package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the TCP, TLS and WebSocket connections the platform accepts, so that idle connections
 * cannot use up the file handles (17,673 idle connections were once accepted, out of 20,000):
 * a global cap below the handle limit, a cap per source address, and a connection that sends
 * nothing within a few seconds of being accepted is closed. Refusals are summarised once a
 * minute, not logged one by one.
 */
final class ConnectionLimits {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    /** The message of the exception that refuses a connection; the stack logger keeps it quiet. */
    static final String REFUSED = "Connection refused by Switchboard's connection limits";

    private final int max;
    private final int maxPerSource;
    private final long silentMillis;
    private final ScheduledExecutorService timers;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private final Map<Object, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastSummary = new AtomicLong(System.currentTimeMillis());

    ConnectionLimits(int max, int maxPerSource, int silentSeconds, ScheduledExecutorService timers) {
        this.max = max;
        this.maxPerSource = maxPerSource;
        this.silentMillis = silentSeconds * 1000L;
        this.timers = timers;
    }

    /** Admits an accepted connection, or closes it and throws. */
    void admit(SocketChannel client) throws IOException {
        InetAddress source = client.socket().getInetAddress();
        AtomicInteger mine = perSource.computeIfAbsent(source, k -> new AtomicInteger());
        if (open.incrementAndGet() > max | mine.incrementAndGet() > maxPerSource) {
            open.decrementAndGet();
            mine.decrementAndGet();
            refuse(source);
            try {
                client.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
            throw new IOException(REFUSED);
        }
    }

    /** Starts counting a connection admitted by {@link #admit}, and closes it if it stays silent. */
    void opened(NioTcpMessageChannel channel, InetAddress source) {
        counted.put(channel, source);
        long born = channel.getLastActivityTimestamp();
        try {
            timers.schedule(() -> {
                if (counted.containsKey(channel) && channel.getLastActivityTimestamp() == born) {
                    LOG.debug("Closing a connection from {} that sent nothing in {} ms", source, silentMillis);
                    channel.close();
                }
            }, silentMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the stack is stopping: its connections go anyway
        }
    }

    /** A connection closed: it no longer counts. */
    void closed(Object channel) {
        InetAddress source = counted.remove(channel);
        if (source == null) {
            return; // one the platform opened, or refused
        }
        open.decrementAndGet();
        AtomicInteger n = perSource.get(source);
        if (n != null && n.decrementAndGet() <= 0) {
            perSource.remove(source, n);
        }
    }

    /** @return accepted connections open now */
    int open() {
        return open.get();
    }

    private void refuse(InetAddress source) {
        long n = refused.incrementAndGet();
        long last = lastSummary.get();
        long now = System.currentTimeMillis();
        if (now - last >= 60_000 && lastSummary.compareAndSet(last, now)) {
            LOG.warn("Refused {} SIP connections so far (limits: {} in all, {} per address; the last from {}). Raise "
                    + "tcp.max.connections or tcp.max.connections.per.source in etc/org.switchboard.sip.cfg if they are "
                    + "legitimate", n, max, maxPerSource, source.getHostAddress());
        }
    }
}
