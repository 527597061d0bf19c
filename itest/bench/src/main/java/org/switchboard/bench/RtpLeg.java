package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One RTP leg of the bench: a UDP socket on 127.0.0.1, G.711 µ-law every 20 ms (sent by a
 * {@link RtpSender} wheel), optional SDES-SRTP both ways, and the receive side measurements: RFC 3550
 * interarrival jitter and sequence-number loss of the stream the server sends us, plus end-to-end loss
 * and delay of the frames the peer leg sent (each frame carries a tag in its first payload bytes, in
 * µ-law codes that survive the server's decode, mix and re-encode unchanged).
 */
final class RtpLeg implements AutoCloseable {
    static final int SAMPLES = 160;
    static final long FRAME_NANOS = 20_000_000L;
    static final String SUITE = "AES_CM_128_HMAC_SHA1_80";
    /** µ-law codes of the tag: 4 magic bytes, then 8 nibbles of the frame number as 0x80|n. */
    private static final byte[] MAGIC = {(byte) 0x8A, (byte) 0x85, (byte) 0x8A, (byte) 0x85};
    private static final int TAG_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    final DatagramChannel channel;
    final int port;
    final String name;
    volatile boolean closed;
    private InetSocketAddress remote;

    // ---- send side: the sender thread only
    final boolean tagged;
    private final byte[] key = new byte[30]; // our SDES master key || salt
    private Srtp txSrtp;
    private final byte[] tx = new byte[12 + SAMPLES + Srtp.TAG];
    private final ByteBuffer txBuf = ByteBuffer.wrap(tx);
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int seq = ThreadLocalRandom.current().nextInt(0x10000);
    private int ts = ThreadLocalRandom.current().nextInt();
    volatile long t0; // scheduled time of frame 0 (System.nanoTime)
    long frames; // frames sent
    long sendErrors;

    // ---- receive side: its receiver thread only (read by the controller for the windows: racy but fine)
    private Srtp rxSrtp;
    volatile RtpLeg peer; // the leg whose tagged frames should come out here
    private boolean started;
    private long lastSsrc = -1;
    private int maxSeq;
    private long cycles;
    volatile long extHigh;
    volatile long received;
    private double transit;
    private volatile double jitter; // RFC 3550 J, in timestamp units (1/8000 s)
    volatile long tagHigh = -1;
    volatile long tagCount;
    volatile long authFailures;
    volatile long otherPackets; // RTCP, telephone-event, other payload types
    volatile long resyncs;

    // window snapshots (controller thread)
    private long wExt, wRecv, wTagHigh, wTagCount;

    RtpLeg(String name, boolean tagged) throws IOException {
        this.name = name;
        this.tagged = tagged;
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 256 << 10);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        RANDOM.nextBytes(key);
        for (int i = 12; i < tx.length; i++) {
            tx[i] = (byte) 0xFF; // µ-law silence
        }
        tx[0] = (byte) 0x80;
        tx[1] = 0; // PCMU
        tx[8] = (byte) (ssrc >>> 24);
        tx[9] = (byte) (ssrc >>> 16);
        tx[10] = (byte) (ssrc >>> 8);
        tx[11] = (byte) ssrc;
    }

    /** Our SDES attribute value, e.g. {@code 1 AES_CM_128_HMAC_SHA1_80 inline:...}. */
    String crypto(int tag) {
        return tag + " " + SUITE + " inline:" + Base64.getEncoder().encodeToString(key);
    }

    /** SRTP both ways: ours for what we send, the peer's (its a=crypto inline key) for what we receive. */
    void secure(String remoteInlineKey) {
        byte[] k = Base64.getDecoder().decode(remoteInlineKey);
        rxSrtp = new Srtp(java.util.Arrays.copyOf(k, 16), java.util.Arrays.copyOfRange(k, 16, 30));
        txSrtp = new Srtp(java.util.Arrays.copyOf(key, 16), java.util.Arrays.copyOfRange(key, 16, 30));
    }

    boolean secure() {
        return txSrtp != null;
    }

    void connect(InetSocketAddress to) throws IOException {
        if (!to.getAddress().isLoopbackAddress()) {
            throw new IOException("the bench only sends to loopback: " + to);
        }
        remote = to;
        channel.connect(to);
    }

    InetSocketAddress remote() {
        return remote;
    }

    long scheduled(long frame) {
        return t0 + frame * FRAME_NANOS;
    }

    /** Sends the next frame (sender thread). */
    void sendFrame() {
        long n = frames++;
        tx[2] = (byte) (seq >>> 8);
        tx[3] = (byte) seq;
        tx[4] = (byte) (ts >>> 24);
        tx[5] = (byte) (ts >>> 16);
        tx[6] = (byte) (ts >>> 8);
        tx[7] = (byte) ts;
        seq = (seq + 1) & 0xFFFF;
        ts += SAMPLES;
        if (tagged) {
            System.arraycopy(MAGIC, 0, tx, 12, 4);
            for (int i = 0; i < 8; i++) {
                tx[16 + i] = (byte) (0x80 | ((n >>> (28 - 4 * i)) & 0xF));
            }
        }
        int len = 12 + SAMPLES;
        if (txSrtp != null) {
            len = txSrtp.protect(tx, 0, len);
        }
        txBuf.clear().limit(len);
        try {
            if (channel.write(txBuf) == 0) {
                sendErrors++; // socket buffer full: the frame is lost here
            }
        } catch (IOException e) {
            sendErrors++;
        }
        if (txSrtp != null) { // the payload was encrypted in place: clear silence again for the next frame
            java.util.Arrays.fill(tx, 12, 12 + SAMPLES, (byte) 0xFF);
        }
    }

    /** A datagram from the server (receiver thread). */
    void onPacket(byte[] b, int len, long now, RtpStats stats) {
        if (len < 12 || (b[0] & 0xC0) != 0x80) {
            otherPackets++;
            return;
        }
        int pt = b[1] & 0x7F;
        if (pt >= 64 && pt <= 95) { // RTCP (rtcp-mux)
            otherPackets++;
            return;
        }
        if (rxSrtp != null) {
            len = rxSrtp.unprotect(b, 0, len, TAG_BYTES);
            if (len < 0) {
                authFailures++;
                return;
            }
        }
        if (pt != 0) {
            otherPackets++;
            return;
        }
        int s = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        long rtpTs = ((b[4] & 0xFFL) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
        long ssrcIn = ((b[8] & 0xFFL) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
        double arrival = now / 125_000.0; // ns -> 1/8000 s
        if (!started || ssrcIn != lastSsrc) {
            if (started) {
                resyncs++;
            }
            started = true;
            lastSsrc = ssrcIn;
            maxSeq = s;
            cycles = extHigh - s + 1; // keep extHigh monotonic across a new stream
            extHigh = cycles + s;
            transit = arrival - rtpTs;
            received++;
        } else {
            int delta = (s - maxSeq) & 0xFFFF;
            if (delta < 3000) {
                if (s < maxSeq) {
                    cycles += 0x10000;
                }
                maxSeq = s;
                extHigh = cycles + s;
            } else if (delta < 0x10000 - 100) { // a jump: restart the sequence, counted as a resync
                resyncs++;
                cycles = extHigh - s + 1;
                maxSeq = s;
                extHigh = cycles + s;
            } // else: a late or duplicate packet
            received++;
            double tr = arrival - rtpTs;
            double d = Math.abs(tr - transit);
            transit = tr;
            if (d < 8000 * 10) { // ignore timestamp jumps of a new talk spurt/source (> 10 s)
                jitter += (d - jitter) / 16;
            }
        }
        RtpLeg p = peer;
        if (p != null && len >= 12 + TAG_BYTES && b[12] == MAGIC[0] && b[13] == MAGIC[1] && b[14] == MAGIC[2]
                && b[15] == MAGIC[3]) {
            long tag = 0;
            for (int i = 0; i < 8; i++) {
                int v = b[16 + i] & 0xFF;
                if ((v & 0xF0) != 0x80) {
                    return;
                }
                tag = (tag << 4) | (v & 0xF);
            }
            if (tag > tagHigh) {
                tagHigh = tag;
                tagCount++;
                if (stats.measuring) {
                    stats.delay.record(now - p.scheduled(tag));
                }
            }
        }
    }

    double jitterMs() {
        return jitter / 8.0;
    }

    /** Starts a measurement window. */
    void mark() {
        wExt = extHigh;
        wRecv = received;
        wTagHigh = tagHigh;
        wTagCount = tagCount;
    }

    /** Adds this leg's window to the totals: expected/lost by sequence number and by tag. */
    void collect(RtpStats s) {
        long exp = extHigh - wExt;
        long got = received - wRecv;
        s.seqExpected += exp;
        s.seqLost += Math.max(0, exp - got);
        if (peer != null && wTagHigh >= 0) {
            long texp = tagHigh - wTagHigh;
            long tgot = tagCount - wTagCount;
            s.tagExpected += texp;
            s.tagLost += Math.max(0, texp - tgot);
            if (texp <= 0) {
                s.silentLegs++;
            }
        } else if (peer != null) {
            s.silentLegs++;
        }
        if (exp <= 0) {
            s.deadLegs++;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing
        }
    }
}
