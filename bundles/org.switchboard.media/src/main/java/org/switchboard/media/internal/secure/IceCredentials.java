package org.switchboard.media.internal.secure;

import java.security.SecureRandom;

/** An ICE username fragment and password (a=ice-ufrag, a=ice-pwd). */
public record IceCredentials(String ufrag, String pwd) {
    private static final String ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Remote credentials are taken as offered (lenient); only an empty ufrag is refused. */
    public IceCredentials {
        if (ufrag == null || ufrag.isEmpty() || ufrag.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad ice-ufrag: " + ufrag);
        }
    }

    /** Fresh credentials for one leg (RFC 8839: ufrag at least 4 chars, pwd at least 22): 8 and 24 chars. */
    public static IceCredentials generate() {
        return new IceCredentials(random(8), random(24));
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return sb.toString();
    }
}
