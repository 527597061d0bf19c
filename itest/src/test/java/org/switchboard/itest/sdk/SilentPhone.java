package org.switchboard.itest.sdk;

import java.net.InetSocketAddress;
import org.switchboard.itest.support.RtpPhone;

/** A phone that sends PCMU silence every 20 ms while in a call, so the call's media stays alive. */
final class SilentPhone extends RtpPhone {
    private final byte[] packet = new byte[172];
    private int seq;
    private long ts;

    SilentPhone(int serverPort, String user) {
        super(serverPort, user);
        packet[0] = (byte) 0x80;
        java.util.Arrays.fill(packet, 12, packet.length, (byte) 0xFF); // mu-law silence
        packet[11] = (byte) user.hashCode();
        start("silent-" + user);
    }

    @Override
    protected void tick(InetSocketAddress to) {
        if (to == null) {
            return;
        }
        seq++;
        ts += 160;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (ts >> 24);
        packet[5] = (byte) (ts >> 16);
        packet[6] = (byte) (ts >> 8);
        packet[7] = (byte) ts;
        sendRtp(packet, packet.length, to);
    }

    @Override
    protected void onAudio(byte[] received, int length) {
        // what it hears does not matter here
    }
}
