package org.switchboard.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFoldersTest {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void tightensAnExistingWorldReadableDatabaseFolderAndItsFiles(@TempDir Path root) throws Exception {
        Path etc = root.resolve("etc");
        Path data = root.resolve("data");
        Path db = data.resolve("switchboard/switchboard.mv.db");
        Files.createDirectories(db.getParent());
        Files.createDirectories(etc.resolve("secrets"));
        Files.writeString(db, "HA1s");
        Files.writeString(etc.resolve("secrets/tls.password"), "pw");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(data.resolve("cache/bundle1"));

        FirstStart.securePrivateFolders(etc, data);

        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(db.getParent()));
        assertEquals("rw-------", mode(db));
        assertEquals("rwx------", mode(etc.resolve("secrets")));
        assertEquals("rw-------", mode(etc.resolve("secrets/tls.password")));
        assertEquals("rwxr-xr-x", mode(data.resolve("cache/bundle1")), "only the secret folders' own files change");
    }

    @Test
    void createsMissingFoldersOwnerOnlyFromTheStart(@TempDir Path root) throws Exception {
        FirstStart.securePrivateFolders(root.resolve("etc"), root.resolve("data"));
        assertEquals("rwx------", mode(root.resolve("data/switchboard")));
        assertEquals("rwx------", mode(root.resolve("etc/secrets")));
    }

    @Test
    void secretFilesAreOwnerOnlyInAnOwnerOnlyFolder(@TempDir Path root) throws Exception {
        Path file = root.resolve("secrets/admin.password");
        SecretFiles.writeOwnerOnly(file, "x\n");
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(file.getParent()));
    }
}
