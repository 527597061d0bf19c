package org.switchboard.sip.internal.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ToHeader;
import org.junit.jupiter.api.Test;

class Overload503Test {
    private final Overload503 refusal = new Overload503(7);

    @Test
    void theRefusalIsAValid503ThatMatchesTheRequest() throws Exception {
        byte[] answer = refusal.answer(DatagramHeadTest.head(DatagramHeadTest.INVITE));
        assertNotNull(answer);
        SIPResponse r = (SIPResponse) new StringMsgParser().parseSIPMessage(answer, true, false, null);
        assertEquals(503, r.getStatusCode());
        assertEquals(7, ((RetryAfterHeader) r.getHeader(RetryAfterHeader.NAME)).getRetryAfter());
        assertEquals("z9hG4bK776asdhds", r.getTopmostVia().getBranch());
        assertEquals(2, r.getViaHeaders().size());
        assertEquals("a84b4c76e66710@pc33.example.com", r.getCallId().getCallId());
        assertEquals(314159L, r.getCSeq().getSeqNumber());
        assertEquals("INVITE", r.getCSeq().getMethod());
        assertEquals("1928301774", r.getFrom().getTag());
        assertTrue(((ToHeader) r.getHeader(ToHeader.NAME)).getTag().startsWith("sb"));
        assertEquals(0, r.getContentLength().getContentLength());
        assertTrue(new String(answer, StandardCharsets.US_ASCII).endsWith("\r\n\r\n"));
    }

    @Test
    void nothingIsRefusedThatMustNotBe() {
        assertNull(refusal.answer(DatagramHeadTest.head(DatagramHeadTest.INVITE.replace("INVITE sip", "ACK sip"))));
        assertNull(refusal.answer(DatagramHeadTest.head(DatagramHeadTest.INVITE.replace("INVITE sip", "BYE sip"))));
        assertNull(refusal.answer(DatagramHeadTest.head("SIP/2.0 180 Ringing\r\n\r\n")));
        assertNull(refusal.answer(DatagramHeadTest.head(DatagramHeadTest.INVITE.substring(0, 200))));
    }
}
