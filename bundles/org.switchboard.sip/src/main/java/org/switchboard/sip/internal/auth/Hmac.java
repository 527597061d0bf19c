package org.switchboard.sip.internal.auth;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A truncated HMAC-SHA256 with one key, for values the platform hands out and must recognise. */
public final class Hmac {
    private final SecretKeySpec key;
    private final int length;

    /**
     * @param secret the key
     * @param length how many bytes of the MAC to keep
     */
    public Hmac(byte[] secret, int length) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.length = length;
    }

    public byte[] of(byte[] data, int len) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(data, 0, len);
            return Arrays.copyOf(m.doFinal(), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    public byte[] of(byte[] data) {
        return of(data, data.length);
    }
}
