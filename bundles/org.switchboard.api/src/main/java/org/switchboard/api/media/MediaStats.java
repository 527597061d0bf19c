package org.switchboard.api.media;

/**
 * Statistics of a leg since it started.
 *
 * @param packetsReceived RTP packets received
 * @param packetsSent RTP packets sent
 * @param packetsLost RTP packets that never arrived (sequence gaps)
 * @param packetsLate RTP packets that arrived after their playout time and were dropped
 * @param jitterMillis interarrival jitter (RFC 3550), in milliseconds
 * @param bufferMillis current target depth of the jitter buffer, in milliseconds
 */
public record MediaStats(long packetsReceived, long packetsSent, long packetsLost, long packetsLate,
        double jitterMillis, int bufferMillis) {
}
