package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InboundPolicyTest {
    @Test
    void eachPolicyAdmitsWhatItSays() {
        assertTrue(new InboundPolicy(InboundPolicy.Mode.ALLOW, List.of()).admits("198.51.100.7"));
        assertFalse(new InboundPolicy(InboundPolicy.Mode.DENY, List.of("198.51.100.7")).admits("198.51.100.7"));
        InboundPolicy peers = new InboundPolicy(InboundPolicy.Mode.PEERS, List.of(" 198.51.100.7", "2001:DB8::1"));
        assertTrue(peers.admits("198.51.100.7"));
        assertTrue(peers.admits("2001:db8::1"));
        assertFalse(peers.admits("198.51.100.8"));
        assertFalse(peers.admits(null));
    }

    @Test
    void policiesAreNamedInAnyCaseAndAWrongNameIsNone() {
        assertEquals(InboundPolicy.Mode.PEERS, InboundPolicy.mode(" Peers "));
        assertNull(InboundPolicy.mode("open"));
    }
}
