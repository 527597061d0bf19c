package org.switchboard.sip.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs flow tokens. It lives in {@code etc/secrets/sip-flow-token.key} so that
 * calls set up before a restart can still be routed after it.
 */
final class FlowTokenKey {
    private FlowTokenKey() {
    }

    static byte[] load() throws IOException {
        Path file = Path.of(System.getProperty("karaf.etc", "etc"), "secrets", "sip-flow-token.key");
        if (Files.isReadable(file)) {
            return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return key;
    }
}
