package org.switchboard.media.internal.rtp;

/**
 * What RTCP tells about a leg.
 *
 * @param roundTripMillis the latest round-trip time from the peer's LSR/DLSR, or -1 before any
 * @param remoteFractionLost the fraction of our packets the peer lost in its last interval (0-1), or -1
 * @param remotePacketsLost the peer's cumulative count of our packets lost, or -1
 * @param remoteJitterMillis the interarrival jitter the peer measured on our stream, or -1
 * @param reportsSent compound RTCP packets we sent (reports and BYE)
 * @param reportsReceived RTCP packets received with a report about our stream
 */
public record RtcpStats(double roundTripMillis, double remoteFractionLost, long remotePacketsLost,
        double remoteJitterMillis, long reportsSent, long reportsReceived) {
}
