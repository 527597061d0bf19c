package org.switchboard.itest.browser;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.itest.support.RtpPhone;
import org.switchboard.itest.support.SipMessage;

/**
 * The SIP phone at the far end of a call the platform anchors for a browser (MediaAppsBrowserIT):
 * a {@link RtpPhone} that sends silence as 20 ms PCMU RTP (so that the browser hears nothing
 * from it) and counts the packets it receives. It answers by itself and can put the answered
 * call on hold with a re-INVITE ({@code a=sendonly}), after which the platform plays music to
 * the browser (music on hold); or it places the call ({@link #invite}) that an application
 * connects to a browser.
 */
final class HoldingPhone extends RtpPhone {
    private final AtomicInteger received = new AtomicInteger();
    private final byte[] packet = new byte[172];
    private int seq;
    private int ts;

    HoldingPhone(int serverPort, String user) {
        super(serverPort, user);
        Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        packet[0] = (byte) 0x80;
        packet[8] = 0x48;
        packet[11] = (byte) user.hashCode();
        start("holding-phone");
    }

    /** Registers the phone's contact for its user. */
    void register(String password) {
        register(user, password);
    }

    /** Waits for the INVITE this phone answers by itself. */
    SipMessage awaitInvite(Duration within) {
        return awaitRequest("INVITE", within);
    }

    /** Puts the answered call on hold (re-INVITE with {@code a=sendonly}); keeps sending silence. */
    void hold() {
        holdAnswered();
    }

    /** @return the PCMU packets received so far */
    int received() {
        return received.get();
    }

    @Override
    protected void onAudio(byte[] buf, int length) {
        received.incrementAndGet();
    }

    /** 20 ms PCMU packets of silence (0xFF), also while holding (the platform's RTP timeout). */
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
