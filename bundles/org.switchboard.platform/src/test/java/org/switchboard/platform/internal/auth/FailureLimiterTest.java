package org.switchboard.platform.internal.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    private final MutableClock clock = new MutableClock();
    private final FailureLimiter limiter = new FailureLimiter(3, Duration.ofSeconds(60), Duration.ofSeconds(300), clock);

    @Test
    void blocksAtTheLimitAndOnlyThatKey() {
        limiter.fail("a");
        limiter.fail("a");
        assertFalse(limiter.blocked("a"));
        limiter.fail("a");
        assertTrue(limiter.blocked("a"));
        assertFalse(limiter.blocked("b"));
    }

    @Test
    void blockLapsesAfterTheBlockTime() {
        for (int i = 0; i < 3; i++) {
            limiter.fail("a");
        }
        clock.advance(Duration.ofSeconds(299));
        assertTrue(limiter.blocked("a"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(limiter.blocked("a"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        limiter.fail("a");
        limiter.fail("a");
        clock.advance(Duration.ofSeconds(61));
        limiter.fail("a");
        limiter.fail("a");
        assertFalse(limiter.blocked("a"));
        limiter.fail("a");
        assertTrue(limiter.blocked("a"));
    }
}
