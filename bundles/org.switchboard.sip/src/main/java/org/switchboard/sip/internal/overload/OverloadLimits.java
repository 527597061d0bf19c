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
 *     are refused
 * @param maxPendingTasks messages of stream transports waiting for a worker, before new
 *     initial requests are refused
 * @param retryAfterSeconds the Retry-After of every 503 sent for overload
 * @param maxConnections TCP, TLS and WebSocket connections accepted at once, below the file handles
 * @param maxConnectionsPerSource of those, from one address
 * @param silentConnectionSeconds how long an accepted connection may stay silent before it is closed
 */
public record OverloadLimits(int udpQueueMessages, long udpQueueBytes, int maxQueueDelayMillis, int maxTransactions,
        int maxPendingTasks, int retryAfterSeconds, int maxConnections, int maxConnectionsPerSource,
        int silentConnectionSeconds) {
}
