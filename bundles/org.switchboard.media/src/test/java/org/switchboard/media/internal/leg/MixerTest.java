package org.switchboard.media.internal.leg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaException;
import org.switchboard.media.internal.transport.UdpTransport;

class MixerTest {
    private final Clocks clocks = new Clocks(1);
    private final MediaClock clock = clocks.shard(0);
    private final UdpTransport transport = new UdpTransport(InetAddress.getLoopbackAddress(), 0, 65535, 1);
    private final Legs legs = new Legs(new LegContext(clocks, transport, Executors.newSingleThreadExecutor(), () -> null,
            Duration.ZERO, "127.0.0.1", p -> null, java.util.List.of("opus", "PCMU", "PCMA")));

    @AfterEach
    void close() {
        transport.close();
    }

    private static String offer() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n";
    }

    private static void speak(Leg leg, int value) {
        java.util.Arrays.fill(leg.received(), (short) value);
        leg.hasReceivedForTest(true);
    }

    @Test
    void eachPartyHearsTheOthersButNotItself() {
        Leg a = legs.answer(offer(), LegOptions.defaults("a"));
        Leg b = legs.answer(offer(), LegOptions.defaults("b"));
        Leg c = legs.answer(offer(), LegOptions.defaults("c"));
        clock.remove(a);
        clock.remove(b);
        clock.remove(c);
        Mixer mixer = new Mixer(clock);
        mixer.add(a, false);
        mixer.add(b, false);
        mixer.add(c, true);
        clock.tick();
        assertEquals(java.util.List.of(a.id(), b.id(), c.id()), mixer.ids());
        speak(a, 100);
        speak(b, 20);
        speak(c, 3);
        mixer.mix(clock.now());
        assertEquals(20, a.mixOut()[0]);
        assertEquals(100, b.mixOut()[5]);
        assertEquals(120, c.mixOut()[159], "muted c hears both, and nobody hears c");
        mixer.mute(c, false);
        clock.tick();
        speak(a, 30000);
        speak(b, 30000);
        speak(c, 3);
        mixer.mix(clock.now());
        assertEquals(30003, a.mixOut()[0]);
        assertEquals(Short.MAX_VALUE, c.mixOut()[0], "the sum is clipped");
        assertThrows(MediaException.class, () -> new Mixer(clock).add(a, false));
        a.close();
        b.close();
        c.close();
        clock.tick();
    }
}
