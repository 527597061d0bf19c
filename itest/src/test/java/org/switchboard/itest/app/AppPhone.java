package org.switchboard.itest.app;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.itest.support.RtpPhone;

/**
 * A {@link RtpPhone} whose audio tells whose it is: it sends 20 ms PCMU packets whose every
 * byte is {@code tone}, and counts the packets it receives that are mostly {@code expectTone}.
 */
final class AppPhone extends RtpPhone {
    private final byte tone;
    private final byte expectTone;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger receivedOther = new AtomicInteger();
    private final AtomicInteger receivedTone = new AtomicInteger();
    private final byte[] packet = new byte[172];
    private volatile boolean sending = true;
    private int seq;
    private int ts;

    AppPhone(int serverPort, String user, byte tone, byte expectTone) {
        super(serverPort, user);
        this.tone = tone;
        this.expectTone = expectTone;
        packet[0] = (byte) 0x80;
        packet[8] = 0x12;
        packet[11] = tone;
        start("app-phone");
    }

    int received() {
        return received.get();
    }

    /** @return RTP packets received whose payload is mostly the expected tone */
    int receivedTone() {
        return receivedTone.get();
    }

    int receivedOther() {
        return receivedOther.get();
    }

    /** Stops sending RTP for good, as a phone that vanishes. */
    void stopRtp() {
        sending = false;
    }

    @Override
    protected void onAudio(byte[] buf, int length) {
        received.incrementAndGet();
        int same = 0;
        for (int i = 12; i < length; i++) {
            if (buf[i] == expectTone) {
                same++;
            }
        }
        (same * 2 > length - 12 ? receivedTone : receivedOther).incrementAndGet();
    }

    @Override
    protected void tick(InetSocketAddress to) {
        if (to == null || !sending) {
            return;
        }
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (ts >> 24);
        packet[5] = (byte) (ts >> 16);
        packet[6] = (byte) (ts >> 8);
        packet[7] = (byte) ts;
        Arrays.fill(packet, 12, 172, tone);
        sendRtp(packet, packet.length, to);
        seq++;
        ts += 160;
    }
}
