package org.switchboard.itest.support;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RtpPhone} that sends PCMU silence (0xFF) every 20 ms while in a call, so that the
 * platform's RTP timeout never ends it, and counts the packets it receives.
 */
public class SilentPhone extends RtpPhone {
    private final AtomicInteger received = new AtomicInteger();
    private final byte[] packet = new byte[172];
    private int seq;
    private int ts;

    /**
     * @param serverPort the platform's SIP port
     * @param user the user part of the phone's URIs
     * @param threadName the name of its threads
     */
    public SilentPhone(int serverPort, String user, String threadName) {
        super(serverPort, user);
        Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        packet[0] = (byte) 0x80;
        packet[11] = (byte) user.hashCode();
        start(threadName);
    }

    /** @return the PCMU packets received so far */
    public int received() {
        return received.get();
    }

    @Override
    protected void onAudio(byte[] buf, int length) {
        received.incrementAndGet();
    }

    /** 20 ms PCMU packets of silence, also while holding (the platform's RTP timeout). */
    @Override
    protected void tick(InetSocketAddress to) {
        if (to == null) {
            return;
        }
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (ts >> 24);
        packet[5] = (byte) (ts >> 16);
        packet[6] = (byte) (ts >> 8);
        packet[7] = (byte) ts;
        sendRtp(packet, packet.length, to);
        seq++;
        ts += 160;
    }
}
