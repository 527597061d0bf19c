package org.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipMessageTest {
    private static SipMessage parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return SipMessage.parse(b, b.length);
    }

    @Test
    void parsesResponseWithCompactAndListHeaders() {
        SipMessage m = parse("SIP/2.0 200 OK\r\nv: SIP/2.0/UDP a;branch=1\r\ni: abc@h\r\nCSeq: 7 INVITE\r\n"
                + "Record-Route: <sip:10.0.0.1;lr>, <sip:p2.example;lr;x=\"a,b\">\r\n"
                + "Record-Route: <sip:127.0.0.1:5060;lr>\r\nm: <sip:bob@127.0.0.1:5071>\r\nl: 0\r\n\r\n");
        assertEquals(200, m.status);
        assertEquals("abc@h", m.callId());
        assertEquals(7, m.cseqNumber());
        assertEquals("INVITE", m.cseqMethod());
        assertEquals(List.of("<sip:10.0.0.1;lr>", "<sip:p2.example;lr;x=\"a,b\">", "<sip:127.0.0.1:5060;lr>"),
                m.list("record-route"));
        assertEquals("sip:bob@127.0.0.1:5071", Sip.uri(m.get("contact")));
        assertEquals(5071, Sip.address(Sip.uri(m.get("contact"))).getPort());
        assertEquals(5060, Sip.address("sip:127.0.0.1;lr").getPort());
    }

    @Test
    void parsesRequestAndIgnoresKeepAlive() {
        SipMessage m = parse("BYE sip:bob@127.0.0.1:5071 SIP/2.0\r\nCall-ID: z\r\nCSeq: 3 BYE\r\n\r\n");
        assertEquals("BYE", m.method);
        assertEquals("sip:bob@127.0.0.1:5071", m.requestUri);
        assertNull(parse("\r\n\r\n"));
    }
}
