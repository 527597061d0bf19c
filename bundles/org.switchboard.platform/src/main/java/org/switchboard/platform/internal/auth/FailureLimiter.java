package org.switchboard.platform.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per key (a source address or a user name) in a fixed window
 * and blocks a key for a while once it reaches the limit, like fail2ban or Kamailio's pike.
 */
public final class FailureLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLimiter.class);
    private static final int MAX_KEYS = 100_000;

    private static final class Counter {
        long windowStart;
        int failures;
        long blockedUntil;
    }

    private final int limit;
    private final long windowMillis;
    private final long blockMillis;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public FailureLimiter(int limit, Duration window, Duration block, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.blockMillis = block.toMillis();
        this.clock = clock;
    }

    public boolean blocked(String key) {
        return blockedMillis(key) > 0;
    }

    /** @return milliseconds until the key may try again, 0 when it is not blocked */
    public long blockedMillis(String key) {
        Counter c = counters.get(key);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return Math.max(0, c.blockedUntil - clock.millis());
        }
    }

    /** Forgets the failures of a key (its owner proved itself); a block in force stays. */
    public void succeeded(String key) {
        counters.computeIfPresent(key, (k, c) -> {
            synchronized (c) {
                return c.blockedUntil > clock.millis() ? c : null;
            }
        });
    }

    /** Records a failure; logs when the key becomes blocked. */
    public void fail(String key) {
        if (counters.size() > MAX_KEYS) {
            purge();
        }
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        long now = clock.millis();
        synchronized (c) {
            if (now - c.windowStart > windowMillis) {
                c.windowStart = now;
                c.failures = 0;
            }
            c.failures++;
            if (c.failures >= limit && c.blockedUntil <= now) {
                c.blockedUntil = now + blockMillis;
                LOG.warn("Blocking authentication (SIP and HTTP) for {} for {} s after {} failures in {} s "
                        + "(failure.limit / block.seconds in etc/org.switchboard.auth.cfg)",
                        key, blockMillis / 1000, c.failures, windowMillis / 1000);
            }
        }
    }

    private void purge() {
        long now = clock.millis();
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.blockedUntil <= now && now - c.windowStart > windowMillis;
            }
        });
    }
}
