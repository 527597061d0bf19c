package org.switchboard.api.auth;

import org.switchboard.api.directory.DigestAlgorithm;

/** What a client presented to prove who it is. */
public sealed interface Credentials permits Credentials.Password, Credentials.Digest, Credentials.Bearer {

    /** @return the user it claims to be, or null when the credentials name none (a token) */
    String claimedUser();

    /**
     * A user name and password (HTTP Basic), checked in a realm.
     *
     * @param user the user name
     * @param password the password
     * @param realm the realm whose credentials it is checked against
     */
    record Password(String user, String password, String realm) implements Credentials {
        @Override
        public String claimedUser() {
            return user;
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", realm=" + realm + "]"; // never the password
        }
    }

    /**
     * A digest response (RFC 3261 section 22.4, RFC 8760) whose nonce the SIP core has already
     * found to be its own.
     *
     * @param user the user name
     * @param realm the realm
     * @param algorithm MD5 or SHA-256
     * @param method the request's method
     * @param uri the digest-uri
     * @param nonce the nonce
     * @param nonceCount the nc value (8 hex digits), or null without qop
     * @param cnonce the cnonce, or null without qop
     * @param qop {@code auth}, or null
     * @param response the response to check
     */
    record Digest(String user, String realm, DigestAlgorithm algorithm, String method, String uri, String nonce,
            String nonceCount, String cnonce, String qop, String response) implements Credentials {
        @Override
        public String claimedUser() {
            return user;
        }
    }

    /**
     * A Bearer token (RFC 6750 over HTTP, RFC 8898 over SIP).
     *
     * @param token the token
     */
    record Bearer(String token) implements Credentials {
        @Override
        public String claimedUser() {
            return null;
        }

        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }
}
