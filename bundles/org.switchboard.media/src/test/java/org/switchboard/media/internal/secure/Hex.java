package org.switchboard.media.internal.secure;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] b, int off, int len) {
        return HexFormat.of().withUpperCase().formatHex(b, off, off + len);
    }
}
