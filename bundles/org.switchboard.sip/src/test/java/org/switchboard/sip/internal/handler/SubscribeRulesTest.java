package org.switchboard.sip.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.sip.subscription.EventPackage;
import org.switchboard.api.sip.subscription.Subscription;
import org.switchboard.sip.internal.Sip;

class SubscribeRulesTest {
    private static final EventPackage MWI = new EventPackage() {
        @Override
        public String contentType() {
            return "application/simple-message-summary";
        }

        @Override
        public byte[] state(Subscription s) {
            return new byte[0];
        }

        @Override
        public int defaultExpires() {
            return 1800;
        }
    };
    private final SubscribeRules rules = new SubscribeRules(60, 3600, 10);

    private SubscribeRules.Verdict check(String... headers) {
        return rules.check(Sip.request("SUBSCRIBE", "sip:bob@example.com", headers), MWI);
    }

    @Test
    void withoutExpiresThePackageDefaultIsGranted() {
        assertEquals(new SubscribeRules.Verdict(0, null, 1800, null), check("Event: message-summary"));
    }

    @Test
    void tooShortGets423WithMinExpiresAndTooLongIsCut() {
        assertEquals(new SubscribeRules.Verdict(423, "Interval Too Brief", 0, Map.entry("Min-Expires", "60")),
                check("Event: message-summary", "Expires: 30"));
        assertEquals(3600, check("Event: message-summary", "Expires: 86400").expires());
    }

    @Test
    void zeroIsAFetchOrAnUnsubscribe() {
        SubscribeRules.Verdict v = check("Event: message-summary", "Expires: 0");
        assertEquals(0, v.status());
        assertEquals(0, v.expires());
    }

    @Test
    void anAcceptThatExcludesThePackageBodyGets406() {
        assertEquals(406, check("Event: message-summary", "Accept: application/pidf+xml").status());
        assertEquals(0, check("Event: message-summary", "Accept: application/pidf+xml, application/*").status());
        assertEquals(0, check("Event: message-summary", "Accept: application/simple-message-summary").status());
    }

    @Test
    void acceptMatchesWholeTypesAndWildcards() {
        assertTrue(SubscribeRules.accepts(Sip.request("SUBSCRIBE", "sip:b@example.com", "Accept: */*"), "text/plain"));
        assertFalse(SubscribeRules.accepts(Sip.request("SUBSCRIBE", "sip:b@example.com", "Accept: text/html"), "text/plain"));
        assertTrue(SubscribeRules.accepts(Sip.request("SUBSCRIBE", "sip:b@example.com"), "text/plain"));
    }
}
