package org.switchboard.sip.internal.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Digest nonces that carry their own creation time and an HMAC, so the server keeps no state
 * to validate them, plus the highest nonce-count seen for each, so a captured request cannot
 * be replayed (RFC 7616 section 3.3).
 */
public final class Nonces {
    /** What a nonce check found. */
    public enum Check { VALID, STALE, INVALID, REPLAYED }

    private static final int RAW_LENGTH = 8 + 8 + 16;
    private final Hmac hmac;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> highestCount = new ConcurrentHashMap<>();
    private final AtomicInteger sincePurge = new AtomicInteger();

    public Nonces(Duration ttl, Clock clock) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.hmac = new Hmac(secret, 16);
        this.ttl = ttl;
        this.clock = clock;
    }

    public String create() {
        ByteBuffer buf = ByteBuffer.allocate(RAW_LENGTH);
        buf.putLong(clock.millis());
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        buf.put(salt);
        buf.put(hmac.of(buf.array(), 16));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /**
     * Checks a nonce without counting its use: the first step of digest verification, before
     * the password is looked at, so that a response over a nonce never issued here tells nothing
     * about the password.
     *
     * @return VALID, STALE (issued here, but expired) or INVALID (not issued here)
     */
    public Check issued(String nonce) {
        byte[] raw = decode(nonce);
        if (raw == null) {
            return Check.INVALID;
        }
        long created = ByteBuffer.wrap(raw).getLong();
        long now = clock.millis();
        return now - created > ttl.toMillis() || created > now + 60_000 ? Check.STALE : Check.VALID;
    }

    private byte[] decode(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != RAW_LENGTH) {
            return null;
        }
        byte[] expected = hmac.of(raw, 16);
        byte[] given = new byte[16];
        System.arraycopy(raw, 16, given, 0, 16);
        return MessageDigest.isEqual(expected, given) ? raw : null;
    }

    /**
     * @param nonce the nonce a client sent back
     * @param nc its nonce-count, or -1 when the client used no qop (the nonce is then single-use)
     * @return whether the nonce was issued here, is fresh, and the count advanced
     */
    public Check verify(String nonce, long nc) {
        byte[] raw = decode(nonce);
        if (raw == null) {
            return Check.INVALID;
        }
        long created = ByteBuffer.wrap(raw).getLong();
        long now = clock.millis();
        if (now - created > ttl.toMillis() || created > now + 60_000) {
            return Check.STALE;
        }
        purgeSometimes(now);
        long count = nc < 0 ? 1 : nc;
        boolean[] advanced = new boolean[1];
        highestCount.compute(nonce, (k, prev) -> {
            if (prev == null || count > prev && nc >= 0) {
                advanced[0] = true;
                return count;
            }
            return prev;
        });
        return advanced[0] ? Check.VALID : Check.REPLAYED;
    }

    private void purgeSometimes(long now) {
        if (sincePurge.incrementAndGet() < 10_000) {
            return;
        }
        sincePurge.set(0);
        highestCount.keySet().removeIf(n -> {
            byte[] raw = Base64.getUrlDecoder().decode(n);
            return now - ByteBuffer.wrap(raw).getLong() > ttl.toMillis();
        });
    }

    int tracked() {
        return highestCount.size();
    }
}
