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
 * @param roundTripMillis the round-trip time to the peer from its RTCP reports (RFC 3550 LSR/DLSR),
 *     in milliseconds; -1 while unknown (no report about our stream yet, or a peer that sends none)
 * @param remoteFractionLost the fraction (0 to 1) of our packets that the peer reported lost in its
 *     last RTCP report interval; -1 while unknown
 * @param remotePacketsLost the cumulative number of our packets that the peer reported lost; -1 while
 *     unknown
 * @param remoteJitterMillis the interarrival jitter that the peer reported on our stream, in
 *     milliseconds; -1 while unknown
 * @since 1.2
 */
public record MediaStats(long packetsReceived, long packetsSent, long packetsLost, long packetsLate,
        double jitterMillis, int bufferMillis, double roundTripMillis, double remoteFractionLost,
        long remotePacketsLost, double remoteJitterMillis) {

    /**
     * Statistics without what RTCP reports tell (engines that receive none): the remote figures are -1.
     *
     * @param packetsReceived RTP packets received
     * @param packetsSent RTP packets sent
     * @param packetsLost RTP packets that never arrived
     * @param packetsLate RTP packets dropped as late
     * @param jitterMillis interarrival jitter, in milliseconds
     * @param bufferMillis jitter buffer target depth, in milliseconds
     */
    public MediaStats(long packetsReceived, long packetsSent, long packetsLost, long packetsLate,
            double jitterMillis, int bufferMillis) {
        this(packetsReceived, packetsSent, packetsLost, packetsLate, jitterMillis, bufferMillis, -1, -1, -1, -1);
    }
}
