package org.switchboard.sip.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSocketOriginsTest {
    private static final Set<String> OWN = Set.of("pbx.example.com", "192.0.2.5", "localhost");

    private static WebSocketOrigins origins(String... configured) {
        return new WebSocketOrigins(OWN::contains, List.of(configured), () -> 0);
    }

    @Test
    void pagesOfThisServerAndClientsWithoutOriginAreAllowed() {
        WebSocketOrigins o = origins();
        assertTrue(o.test("https://pbx.example.com"));
        assertTrue(o.test("https://pbx.example.com:8443"));
        assertTrue(o.test("http://192.0.2.5:8080/"));
        assertTrue(o.test(null), "no Origin: a phone or node, not a browser page");
    }

    @Test
    void otherSitesAreRefusedUnlessListed() {
        WebSocketOrigins o = origins("https://phone.example.org");
        assertFalse(o.test("https://evil.example"));
        assertFalse(o.test("null"), "a file: or sandboxed page");
        assertFalse(o.test("ftp://pbx.example.com"), "only web pages");
        assertFalse(o.test("https://pbx.example.com.evil.example"));
        assertTrue(o.test("https://PHONE.example.org/"));
        assertFalse(o.test("https://phone.example.org:444"), "an origin includes its port");
    }

    @Test
    void aStarAllowsEverySite() {
        assertTrue(origins("*").test("https://evil.example"));
    }
}
