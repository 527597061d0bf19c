package org.switchboard.media.internal.secure;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * One SDES {@code a=crypto} attribute (RFC 4568): {@code 1 AES_CM_128_HMAC_SHA1_80 inline:<key||salt>}.
 * Lines with an MKI, several keys or session parameters are refused (parse returns null), so that
 * the answerer picks another line or answers without SRTP.
 */
public record SdesCrypto(int tag, SrtpMasterKey key) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Parses the attribute value (without {@code a=crypto:}); null when unusable. */
    public static SdesCrypto parse(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 3 || !parts[2].startsWith("inline:")) {
            return null; // session parameters (UNENCRYPTED_SRTP, KDR, ...) or several keys
        }
        SrtpProfile profile = SrtpProfile.bySdesName(parts[1]);
        if (profile == null || profile.aead()) {
            return null;
        }
        String[] keyParams = parts[2].substring("inline:".length()).split("\\|");
        if (keyParams.length > 2 || keyParams.length == 2 && keyParams[1].contains(":")) {
            return null; // an MKI (n:len) would change the packet format; a lifetime alone is fine
        }
        try {
            int tag = Integer.parseInt(parts[0]);
            byte[] material = Base64.getDecoder().decode(keyParams[0]);
            int keyLength = profile.keyLength();
            if (material.length != keyLength + profile.saltLength()) {
                return null;
            }
            return new SdesCrypto(tag, new SrtpMasterKey(profile,
                    Arrays.copyOf(material, keyLength), Arrays.copyOfRange(material, keyLength, material.length)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A fresh random key for the profile. */
    public static SdesCrypto generate(int tag, SrtpProfile profile) {
        byte[] k = new byte[profile.keyLength()];
        byte[] s = new byte[profile.saltLength()];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(s);
        return new SdesCrypto(tag, new SrtpMasterKey(profile, k, s));
    }

    /** The attribute value, e.g. {@code 1 AES_CM_128_HMAC_SHA1_80 inline:WVNf...}. */
    public String format() {
        byte[] k = key.key();
        byte[] s = key.salt();
        byte[] material = Arrays.copyOf(k, k.length + s.length);
        System.arraycopy(s, 0, material, k.length, s.length);
        return tag + " " + key.profile().sdesName() + " inline:" + Base64.getEncoder().encodeToString(material);
    }

    @Override
    public String toString() {
        return "SdesCrypto[" + tag + " " + key.profile() + "]";
    }
}
