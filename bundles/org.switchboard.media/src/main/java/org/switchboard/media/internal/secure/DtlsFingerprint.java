package org.switchboard.media.internal.secure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An SDP certificate fingerprint (RFC 8122): {@code sha-256 AB:CD:...}. */
public record DtlsFingerprint(String algorithm, String value) {

    public DtlsFingerprint {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        value = value.toUpperCase(Locale.ROOT);
    }

    /** Parses {@code a=fingerprint} values; null when malformed or the hash is unknown. */
    public static DtlsFingerprint parse(String attribute) {
        if (attribute == null) {
            return null;
        }
        String[] parts = attribute.trim().split("\\s+");
        if (parts.length != 2 || digestName(parts[0]) == null || !parts[1].matches("([0-9A-Fa-f]{2}:)*[0-9A-Fa-f]{2}")) {
            return null;
        }
        return new DtlsFingerprint(parts[0], parts[1]);
    }

    public static DtlsFingerprint of(String algorithm, byte[] certificateDer) {
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest(algorithm, certificateDer));
        return new DtlsFingerprint(algorithm, hex);
    }

    /** Whether the DER certificate hashes to this fingerprint. */
    public boolean matches(byte[] certificateDer) {
        byte[] expected = HexFormat.ofDelimiter(":").parseHex(value);
        return MessageDigest.isEqual(expected, digest(algorithm, certificateDer));
    }

    /** The attribute value, e.g. {@code sha-256 AB:CD:...}. */
    public String format() {
        return algorithm + " " + value;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        String name = digestName(algorithm);
        if (name == null) {
            throw new IllegalArgumentException("unsupported fingerprint hash " + algorithm);
        }
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " unavailable", e);
        }
    }

    private static String digestName(String algorithm) {
        switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "sha-1": return "SHA-1";
            case "sha-256": return "SHA-256";
            case "sha-384": return "SHA-384";
            case "sha-512": return "SHA-512";
            default: return null;
        }
    }
}
