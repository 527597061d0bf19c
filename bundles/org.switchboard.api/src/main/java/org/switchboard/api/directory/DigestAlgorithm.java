package org.switchboard.api.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP digest algorithms usable for SIP authentication (RFC 3261 section 22, RFC 8760).
 * Passwords are never stored: the directory keeps only the HA1 hash of each realm and algorithm.
 */
public enum DigestAlgorithm {
    /** SHA-256 (RFC 8760), preferred. */
    SHA_256("SHA-256", "SHA-256"),
    /** MD5 (RFC 3261), for older clients. */
    MD5("MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** @return the value of the {@code algorithm} parameter in a challenge, e.g. {@code SHA-256} */
    public String token() {
        return token;
    }

    /**
     * Finds the algorithm named by a digest {@code algorithm} parameter.
     *
     * @param token the parameter value; {@code null} means MD5, as RFC 2617 says
     * @return the algorithm, or empty if it is not supported
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Hashes a string with this algorithm.
     *
     * @param value the text to hash, encoded as UTF-8
     * @return the lower-case hex digest
     */
    public String hash(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required by every Java platform", e);
        }
    }

    /**
     * Computes HA1 = H(username ":" realm ":" password).
     *
     * @param username the user name as the client sends it
     * @param realm the protection realm
     * @param password the clear-text password, which is not kept
     * @return the HA1 credential
     */
    public Ha1 ha1(String username, String realm, char[] password) {
        return new Ha1(realm, this, hash(username + ":" + realm + ":" + new String(password)));
    }
}
