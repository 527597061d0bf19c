package org.switchboard.platform.internal.auth;

import org.switchboard.api.directory.DigestAlgorithm;

/** The digest response computation of RFC 2617 / RFC 7616 (qop=auth or no qop). */
public final class DigestResponse {
    private DigestResponse() {
    }

    /**
     * @param alg the algorithm
     * @param ha1 the stored H(user:realm:password)
     * @param nonce the server nonce
     * @param nc the nonce-count as sent (8 hex digits), null without qop
     * @param cnonce the client nonce, null without qop
     * @param qop {@code auth}, or null
     * @param method the request method
     * @param uri the digest-uri the client signed
     * @return the expected lower-case hex response
     */
    public static String expected(DigestAlgorithm alg, String ha1, String nonce, String nc, String cnonce,
            String qop, String method, String uri) {
        String ha2 = alg.hash(method + ":" + uri);
        if (qop == null) {
            return alg.hash(ha1 + ":" + nonce + ":" + ha2);
        }
        return alg.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
