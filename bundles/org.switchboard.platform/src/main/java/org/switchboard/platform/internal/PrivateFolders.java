package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the folders that hold secrets owner-only: {@code data/} (the H2 database with every
 * user's HA1, the blobs), {@code data/switchboard/} and {@code etc/secrets/}. Folders become
 * 0700 and the regular files directly in a secret folder 0600, also on an installation that
 * was created before this rule (or unpacked with a permissive umask).
 */
final class PrivateFolders {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolders() {
    }

    /** Creates the folder if needed and makes it owner-only; its contents keep their modes. */
    static void folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            createOwnerOnly(dir);
        }
        set(dir, FOLDER);
    }

    /** Like {@link #folder(Path)}, and every regular file directly inside becomes owner-only too. */
    static void folderAndFiles(Path dir) throws IOException {
        folder(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    set(file, FILE);
                }
            }
        }
    }

    /** Creates a folder (and missing parents) that is owner-only from its first moment. */
    static void createOwnerOnly(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createOwnerOnly(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // created meanwhile (the store may create data/switchboard at the same time)
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        }
    }

    private static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
