package org.switchboard.sip.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoncesTest {
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void freshNonceWithIncreasingCountIsValidAndReplayIsRefused() {
        Nonces nonces = new Nonces(Duration.ofSeconds(300), new MutableClock());
        String n = nonces.create();
        assertEquals(Nonces.Check.VALID, nonces.verify(n, 1));
        assertEquals(Nonces.Check.REPLAYED, nonces.verify(n, 1));
        assertEquals(Nonces.Check.VALID, nonces.verify(n, 2));
        assertEquals(Nonces.Check.REPLAYED, nonces.verify(n, 1));
    }

    @Test
    void nonceWithoutQopIsSingleUse() {
        Nonces nonces = new Nonces(Duration.ofSeconds(300), new MutableClock());
        String n = nonces.create();
        assertEquals(Nonces.Check.VALID, nonces.verify(n, -1));
        assertEquals(Nonces.Check.REPLAYED, nonces.verify(n, -1));
    }

    @Test
    void expiredNonceIsStaleAndForgedOneInvalid() {
        MutableClock clock = new MutableClock();
        Nonces nonces = new Nonces(Duration.ofSeconds(300), clock);
        String n = nonces.create();
        clock.now = clock.now.plusSeconds(301);
        assertEquals(Nonces.Check.STALE, nonces.verify(n, 1));
        char[] c = n.toCharArray();
        c[3] = c[3] == 'A' ? 'B' : 'A';
        assertEquals(Nonces.Check.INVALID, nonces.verify(new String(c), 1));
        assertEquals(Nonces.Check.INVALID, nonces.verify("not-a-nonce!", 1));
        assertEquals(Nonces.Check.INVALID, new Nonces(Duration.ofSeconds(300), clock).verify(nonces.create(), 1));
    }
}
