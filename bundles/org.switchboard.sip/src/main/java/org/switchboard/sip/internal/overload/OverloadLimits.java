package org.switchboard.sip.internal.overload;

/**
 * The bounds that keep the SIP core serving under any offered load (RFC 6357). Above them new
 * initial requests get {@code 503} with {@code Retry-After}; responses and in-dialog requests
 * are still taken until the hard bounds.
 *
 * @param udpQueueMessages datagrams that may wait for the UDP workers, all workers together
 * @param udpQueueBytes bytes those datagrams may hold (a datagram costs its own size)
 * @param maxQueueDelayMillis how long the oldest waiting datagram may have waited before new
 *     initial requests are refused: past it a client's retransmissions only add load
 * @param maxTransactions client and server transactions together, before new initial requests
 *     are refused (see {@link #autoTransactions(long)} for the default)
 * @param heapPercent share of the old generation, in percent of its maximum, that may still be
 *     in use after a collection before new initial requests are refused (100 turns it off)
 * @param maxPendingTasks messages of stream transports waiting for a worker, before new
 *     initial requests are refused
 * @param retryAfterSeconds the Retry-After of every 503 sent for overload
 * @param maxConnections TCP, TLS and WebSocket connections accepted at once, below the file handles
 * @param maxConnectionsPerSource of those, from one address
 * @param silentConnectionSeconds how long an accepted connection may stay silent before it is closed
 */
public record OverloadLimits(int udpQueueMessages, long udpQueueBytes, int maxQueueDelayMillis, int maxTransactions,
        int maxPendingTasks, int retryAfterSeconds, int maxConnections, int maxConnectionsPerSource,
        int silentConnectionSeconds, int heapPercent) {
    /** Measured retained heap per open transaction, request and response included (bench README). */
    public static final long BYTES_PER_TRANSACTION = 10 * 1024;

    /**
     * @return the transaction bound for a heap of {@code maxHeapBytes}: what is left after 64 MiB
     *     for the platform itself, at {@link #BYTES_PER_TRANSACTION} each (46,000 for 512 MiB)
     */
    public static int autoTransactions(long maxHeapBytes) {
        long spare = Math.max(0, maxHeapBytes - 64L * 1024 * 1024);
        return (int) Math.max(2000, Math.min(Integer.MAX_VALUE, spare / BYTES_PER_TRANSACTION));
    }
}
