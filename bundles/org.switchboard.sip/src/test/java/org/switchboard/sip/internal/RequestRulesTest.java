package org.switchboard.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class RequestRulesTest {
    private static Request invite(String ruri, String... extra) {
        return Sip.request("INVITE", ruri, extra);
    }

    @Test
    void ordinaryRequestPasses() {
        assertNull(RequestRules.check(invite("sip:bob@example.com"), false));
        assertNull(RequestRules.check(invite("sips:bob@example.com"), true));
    }

    @Test
    void cseqMethodMustMatch() {
        Request req = Sip.parse("OPTIONS sip:bob@example.com SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-x",
                "Max-Forwards: 70",
                "From: <sip:alice@example.com>;tag=1",
                "To: <sip:bob@example.com>",
                "Call-ID: c1",
                "CSeq: 1 INVITE",
                "Content-Length: 0");
        RequestRules.Violation v = RequestRules.check(req, false);
        assertNotNull(v);
        assertEquals(400, v.status());
    }

    @Test
    void nonSipRequestUriIs416() {
        RequestRules.Violation tel = RequestRules.check(invite("tel:+15551234567"), false);
        assertEquals(416, tel.status());
        RequestRules.Violation other = RequestRules.check(invite("im:bob@example.com"), false);
        assertEquals(416, other.status());
        assertEquals("Unsupported URI Scheme: im", other.reason());
    }

    @Test
    void requestUriWithHeadersIs400() {
        assertEquals(400, RequestRules.check(invite("sip:bob@example.com?Subject=hi"), false).status());
    }

    @Test
    void unknownProxyRequireIs420ListingTheTags() {
        RequestRules.Violation v = RequestRules.check(invite("sip:bob@example.com", "Proxy-Require: foo, path", "Proxy-Require: bar"), false);
        assertEquals(420, v.status());
        assertEquals(List.of("foo", "bar"), v.unsupported());
    }

    @Test
    void requireIsLeftToTheUasWhenProxying() {
        Request req = invite("sip:bob@example.com", "Require: 100rel, timer");
        assertNull(RequestRules.check(req, false));
        RequestRules.Violation v = RequestRules.check(req, true);
        assertEquals(420, v.status());
        assertEquals(List.of("100rel", "timer"), v.unsupported());
    }

    @Test
    void supportedTagsAreAccepted() {
        Request reg = Sip.request("REGISTER", "sip:example.com", "Require: path, outbound", "Proxy-Require: Path");
        assertNull(RequestRules.check(reg, true));
    }
}
