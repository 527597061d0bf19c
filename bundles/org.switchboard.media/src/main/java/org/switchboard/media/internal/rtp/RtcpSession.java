package org.switchboard.media.internal.rtp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The RTCP state of one leg (RFC 3550): what it sent and received, when its next report is due,
 * and what the peer's reports say (round-trip time from LSR/DLSR, the peer's loss and jitter).
 * Reports are compound: SR if we sent RTP since the last report, else RR, with a report block
 * about the peer's source once we received from it, then SDES CNAME; BYE at the end.
 *
 * <p>Threads: the I/O thread reports received RTP and RTCP, the clock thread sent RTP and builds
 * reports; the state is small and guarded by this object. No allocation per RTP packet.
 */
public final class RtcpSession {
    /** The regular report interval (RFC 3550 section 6.2 minimum), randomised 0.5-1.5 times. */
    public static final long INTERVAL_MS = 5000;
    /** The first report comes soon after media starts. */
    public static final long FIRST_INTERVAL_MS = 1000;
    private static final long NANO_BASE = System.nanoTime();
    /** NTP seconds at 1970-01-01 (RFC 5905). */
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;
    private static final long WALL_BASE_MILLIS = System.currentTimeMillis();

    private final long ssrc;
    private final byte[] cname;
    private final RtcpReception reception = new RtcpReception();
    private int clockRate = 8000;
    private long packetsSent;
    private long octetsSent;
    private boolean sentSinceReport;
    private long nextReport;
    private long lastSrMiddle;
    private long lastSrArrival;
    private double roundTripMillis = -1;
    private double remoteFractionLost = -1;
    private long remotePacketsLost = -1;
    private double remoteJitterMillis = -1;
    private long reportsSent;
    private long reportsReceived;

    /**
     * @param ssrc our RTP source
     * @param cname our canonical name (SDES CNAME), US-ASCII, at most 255 bytes
     */
    public RtcpSession(long ssrc, String cname) {
        this.ssrc = ssrc;
        this.cname = cname.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return a new session with a random SSRC and a random CNAME (RFC 7022) */
    public static RtcpSession random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new RtcpSession(r.nextInt() & 0xFFFFFFFFL, Long.toHexString(r.nextLong()) + "@switchboard");
    }

    public long ssrc() {
        return ssrc;
    }

    /** @return now as a 64-bit NTP timestamp (32.32 fixed point), monotonic within this JVM */
    public static long ntpNow() {
        long micros = WALL_BASE_MILLIS * 1000 + (System.nanoTime() - NANO_BASE) / 1000;
        long seconds = micros / 1_000_000 + NTP_EPOCH_OFFSET;
        long fraction = ((micros % 1_000_000) << 32) / 1_000_000;
        return (seconds << 32) | fraction;
    }

    /**
     * An RTP packet from the peer (I/O thread).
     *
     * @param arrivalNanos its arrival time ({@link System#nanoTime()})
     * @param rate the payload's RTP clock rate
     * @param audio whether it carries audio (jitter is measured on audio only)
     */
    public synchronized void received(long source, int seq, long timestamp, long arrivalNanos, int rate,
            boolean audio) {
        clockRate = rate;
        long arrival = (arrivalNanos - NANO_BASE) / 1000 * rate / 1_000_000;
        reception.packet(source, seq, timestamp, arrival, audio);
    }

    /** An RTP packet we sent, of {@code payloadBytes} (clock thread). */
    public synchronized void sent(int payloadBytes) {
        packetsSent++;
        octetsSent += payloadBytes;
        sentSinceReport = true;
    }

    /** @return whether any RTP went either way: reports (and BYE) start with media */
    public synchronized boolean started() {
        return packetsSent > 0 || reception.any();
    }

    /**
     * @param now the media clock, in milliseconds
     * @return whether a report is due now; schedules the next one when it is
     */
    public synchronized boolean due(long now) {
        if (!started()) {
            return false;
        }
        if (nextReport == 0) {
            nextReport = now + randomised(FIRST_INTERVAL_MS);
            return false;
        }
        if (now < nextReport) {
            return false;
        }
        nextReport = now + randomised(INTERVAL_MS);
        return true;
    }

    private static long randomised(long interval) {
        return (long) (interval * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    /**
     * Writes a compound report: SR (if we sent since the last report) or RR, then SDES CNAME.
     *
     * @param ntp now ({@link #ntpNow()})
     * @param rtpTimestamp our RTP timestamp now, for the SR
     * @return its length
     */
    public synchronized int report(byte[] dst, int off, long ntp, long rtpTimestamp) {
        Rtcp.ReportBlock block = reception.any() ? block(ntp) : null;
        int n = sentSinceReport
                ? Rtcp.senderReport(dst, off, ssrc, ntp, rtpTimestamp, packetsSent, octetsSent, block)
                : Rtcp.receiverReport(dst, off, ssrc, block);
        sentSinceReport = false;
        n += Rtcp.sdesCname(dst, off + n, ssrc, cname);
        reportsSent++;
        return n;
    }

    /** Writes a compound report followed by a BYE (the leg ends); @return its length */
    public synchronized int bye(byte[] dst, int off, long ntp, long rtpTimestamp) {
        int n = report(dst, off, ntp, rtpTimestamp);
        return n + Rtcp.bye(dst, off + n, ssrc, null);
    }

    private Rtcp.ReportBlock block(long ntp) {
        long dlsr = lastSrMiddle == 0 ? 0 : ((ntp - lastSrArrival) >>> 16) & 0xFFFFFFFFL;
        return new Rtcp.ReportBlock(reception.ssrc(), reception.fractionLost(), reception.cumulativeLost(),
                reception.extendedMax() & 0xFFFFFFFFL, reception.jitter() & 0xFFFFFFFFL, lastSrMiddle, dlsr);
    }

    /**
     * A (compound) RTCP packet from the peer, already unprotected (I/O thread).
     *
     * @param ntp its arrival time ({@link #ntpNow()})
     */
    public void received(byte[] b, int off, int len, long ntp) {
        for (Rtcp.Packet p : Rtcp.parse(b, off, len)) {
            if (p instanceof Rtcp.SenderReport sr) {
                senderReport(sr, ntp);
                blocks(sr.blocks(), ntp);
            } else if (p instanceof Rtcp.ReceiverReport rr) {
                blocks(rr.blocks(), ntp);
            }
        }
    }

    private synchronized void senderReport(Rtcp.SenderReport sr, long ntp) {
        lastSrMiddle = (sr.ntpTimestamp() >>> 16) & 0xFFFFFFFFL;
        lastSrArrival = ntp;
    }

    private synchronized void blocks(java.util.List<Rtcp.ReportBlock> blocks, long ntp) {
        for (Rtcp.ReportBlock r : blocks) {
            if (r.ssrc() != ssrc) {
                continue;
            }
            reportsReceived++;
            remoteFractionLost = r.fractionLost() / 256.0;
            remotePacketsLost = r.cumulativeLost();
            remoteJitterMillis = r.jitter() * 1000.0 / clockRate;
            if (r.lastSr() != 0) {
                long arrival = (ntp >>> 16) & 0xFFFFFFFFL;
                int rtt = (int) (arrival - r.lastSr() - r.delaySinceLastSr());
                if (rtt >= 0) {
                    roundTripMillis = rtt * 1000.0 / 65536;
                }
            }
        }
    }

    public synchronized RtcpStats stats() {
        return new RtcpStats(roundTripMillis, remoteFractionLost, remotePacketsLost, remoteJitterMillis, reportsSent,
                reportsReceived);
    }
}
