package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

class FlowPolicyTest {
    static Binding binding(String contact, int regId, Flow flow) {
        return new Binding("sip:bob@example.com", contact, regId > 0 ? "<urn:uuid:1>" : "", regId, 1f,
                Instant.now().plusSeconds(60), "c", 1, List.of(), flow, "");
    }

    @Test
    void webSocketAndOutboundClientsAreReachedOverTheirFlow() {
        assertTrue(FlowPolicy.useFlow(binding("sip:x@df7jal23ls0d.invalid;transport=ws", 0, new Flow("WSS", "198.51.100.7", 50123))));
        assertTrue(FlowPolicy.useFlow(binding("sip:bob@203.0.113.5:5060", 1, new Flow("UDP", "203.0.113.5", 40000))));
    }

    @Test
    void natedUdpContactUsesFlowButThirdPartyOrDirectContactDoesNot() {
        assertTrue(FlowPolicy.useFlow(binding("sip:bob@192.168.1.20:5060", 0, new Flow("UDP", "203.0.113.5", 40000))));
        assertFalse(FlowPolicy.useFlow(binding("sip:bob@127.0.0.1:5080", 0, new Flow("UDP", "127.0.0.1", 43000))));
        assertFalse(FlowPolicy.useFlow(binding("sip:bob@198.51.100.9:5060", 0, new Flow("UDP", "203.0.113.5", 40000))));
        assertTrue(FlowPolicy.useFlow(binding("sip:bob@127.0.0.1:5080;transport=tcp", 0, new Flow("TCP", "127.0.0.1", 43000))));
    }

    @Test
    void hostIsTakenFromTheContactUri() {
        assertEquals("::1", FlowPolicy.host("sip:bob@[::1]:5060"));
        assertEquals("example.com", FlowPolicy.host("sips:Example.com;transport=tls"));
    }
}
