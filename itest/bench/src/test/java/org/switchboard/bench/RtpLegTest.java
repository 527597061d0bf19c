package org.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Two legs on loopback: what one sends (SRTP, tagged) the other decrypts, and counts as the peer's frames. */
class RtpLegTest {
    @Test
    void taggedSrtpFramesAreCountedEndToEnd() throws Exception {
        try (RtpLeg a = new RtpLeg("a", true); RtpLeg b = new RtpLeg("b", true);
                DatagramChannel relay = DatagramChannel.open()) {
            relay.bind(new InetSocketAddress("127.0.0.1", 0));
            String keyA = a.crypto(1).split("inline:")[1];
            String keyB = b.crypto(1).split("inline:")[1];
            a.secure(keyB);
            b.secure(keyA);
            a.connect((InetSocketAddress) relay.getLocalAddress());
            b.peer = a;
            RtpStats stats = new RtpStats();
            stats.measuring = true;
            ByteBuffer buf = ByteBuffer.allocate(2048);
            for (int i = 0; i < 5; i++) {
                a.sendFrame();
                buf.clear();
                assertNotNull(relay.receive(buf));
                byte[] packet = Arrays.copyOf(buf.array(), buf.position());
                assertEquals(182, packet.length);
                assertFalse(packet[12] == (byte) 0x8A && packet[13] == (byte) 0x85, "the payload on the wire is encrypted");
                b.onPacket(packet, packet.length, System.nanoTime(), stats);
            }
            assertEquals(5, b.received);
            assertEquals(5, b.tagCount);
            assertEquals(4, b.tagHigh);
            assertEquals(0, b.authFailures);
            assertEquals(5, stats.delay.count());
        }
    }
}
