package org.switchboard.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failed REST logins per client address; too many in a row block the address for a while. */
final class LoginFailures {
    private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);
    private static final int MAX_TRACKED = 100_000;

    private record State(int count, Instant blockedUntil) {
    }

    private final int limit;
    private final Duration block;
    private final Clock clock;
    private final Map<String, State> byAddress = new ConcurrentHashMap<>();

    LoginFailures(int limit, Duration block, Clock clock) {
        this.limit = Math.max(1, limit);
        this.block = block;
        this.clock = clock;
    }

    /** @return seconds until the address may try again, 0 if it is not blocked */
    long blockedSeconds(String address) {
        State s = byAddress.get(address);
        if (s == null || s.blockedUntil == null) {
            return 0;
        }
        long left = Duration.between(clock.instant(), s.blockedUntil).toSeconds();
        if (left <= 0) {
            byAddress.remove(address, s);
            return 0;
        }
        return left;
    }

    void succeeded(String address) {
        byAddress.computeIfPresent(address, (a, s) -> s.blockedUntil == null ? null : s);
    }

    void failed(String address) {
        if (byAddress.size() > MAX_TRACKED) {
            byAddress.clear();
        }
        State s = byAddress.merge(address, new State(1, null), (old, one) -> new State(old.count + 1, null));
        if (s.count >= limit) {
            byAddress.put(address, new State(0, clock.instant().plus(block)));
            LOG.warn("Blocking REST logins from {} for {} s after {} failures "
                    + "(auth.failure.limit / auth.block.seconds in etc/org.switchboard.web.cfg)", address, block.toSeconds(), s.count);
        }
    }
}
