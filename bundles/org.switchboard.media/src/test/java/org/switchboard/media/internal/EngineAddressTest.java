package org.switchboard.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which address media sockets bind to (symmetric answers for ICE on a multi-address host). */
class EngineAddressTest {

    @Test
    void wildcardBindTakesTheAdvertisedAddressWhenItIsLocal() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertEquals(InetAddress.getByName("127.0.0.1"), Engine.socketAddress(any, "127.0.0.1"));
    }

    @Test
    void aNatAddressKeepsTheWildcard() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertEquals(any, Engine.socketAddress(any, "203.0.113.10"));
    }

    @Test
    void anExplicitBindAddressWins() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertEquals(loopback, Engine.socketAddress(loopback, "203.0.113.10"));
    }
}
