package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.internal.Sip;

class ProxyLoopHashTest {
    private static Request invite(String via, String cseq) {
        return Sip.parse("INVITE sip:bob@example.com SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=" + via,
                "Max-Forwards: 70",
                "From: <sip:alice@example.com>;tag=f1",
                "To: <sip:bob@example.com>",
                "Call-ID: loop-1@198.51.100.7",
                "CSeq: " + cseq + " INVITE",
                "Contact: <sip:alice@198.51.100.7>",
                "Content-Length: 0");
    }

    private static String hash(Request req) {
        return LoopDetector.loopHash(req, (Request) req.clone());
    }

    @Test
    void sameRequestGivesTheSameHash() {
        assertEquals(hash(invite("z9hG4bK-1", "1")), hash(invite("z9hG4bK-1", "1")));
    }

    @Test
    void changedRequestUriChangesTheHash() throws Exception {
        Request req = invite("z9hG4bK-1", "1");
        Request work = (Request) req.clone();
        String before = LoopDetector.loopHash(req, work);
        work.setRequestURI(Sip.uri("sip:bob@198.51.100.20:5060"));
        assertNotEquals(before, LoopDetector.loopHash(req, work));
    }

    @Test
    void newCSeqChangesTheHash() {
        assertNotEquals(hash(invite("z9hG4bK-1", "1")), hash(invite("z9hG4bK-1", "2")));
    }

    @Test
    void hashIsUsableInABranchParameter() {
        org.junit.jupiter.api.Assertions.assertTrue(hash(invite("z9hG4bK-1", "1")).matches("[0-9a-f]{1,8}"));
    }
}
