package org.switchboard.sip.internal.core;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDomainsTest {
    private final LocalDomains domains = new LocalDomains(List.of("Example.COM", "voice.example.net"), "192.0.2.10");

    @Test
    void firstConfiguredDomainIsCanonicalAndNamesAddressesOfRecord() {
        assertEquals("example.com", domains.canonical());
        assertEquals("sip:alice@example.com", domains.aor("alice"));
        assertEquals("sip:alice@example.com", new LocalDomains(List.of("example.com"), "192.0.2.10").aor("alice"));
    }

    @Test
    void configuredDomainsAndLoopbackAreLocal() {
        assertTrue(domains.isLocal("example.com"));
        assertTrue(domains.isLocal("EXAMPLE.com."));
        assertTrue(domains.isLocal("voice.example.net"));
        assertTrue(domains.isLocal("localhost"));
        assertTrue(domains.isLocal("127.0.0.1"));
        assertTrue(domains.isLocal("[::1]"));
        assertTrue(domains.isLocal("0:0:0:0:0:0:0:1"));
    }

    @Test
    void otherHostsAreNotLocal() {
        assertFalse(domains.isLocal("example.org"));
        assertFalse(domains.isLocal("sub.example.com"));
        assertFalse(domains.isLocal("198.51.100.7"));
        assertFalse(domains.isLocal(null));
    }

    @Test
    void configuredIpv6IsMatchedInAnySpelling() {
        LocalDomains v6 = new LocalDomains(List.of("example.com", "[2001:DB8::10]"), "192.0.2.10");
        assertTrue(v6.isLocal("[2001:db8:0:0:0:0:0:10]"));
        assertTrue(v6.isLocal("2001:db8::10"));
        assertFalse(v6.isLocal("[2001:db8::11]"));
    }

    @Test
    void advertisedAddressIsKeptWhenConfigured() {
        assertEquals("192.0.2.10", domains.advertisedAddress());
    }
}
