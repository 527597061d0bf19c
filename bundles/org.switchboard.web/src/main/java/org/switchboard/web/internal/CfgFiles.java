package org.switchboard.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes a configuration file that has to hold a secret owner-only. */
final class CfgFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CfgFiles.class);

    private CfgFiles() {
    }

    /** @param fileinstallName the configuration's {@code felix.fileinstall.filename} (a file: URL), or null */
    static void ownerOnly(Object fileinstallName) {
        if (fileinstallName == null) {
            return;
        }
        try {
            String name = String.valueOf(fileinstallName);
            Path file = name.startsWith("file:") ? Path.of(URI.create(name)) : Path.of(name);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            LOG.error("Could not make {} owner-only: {}. Fix: chmod 600 it", fileinstallName, e.toString());
        }
    }
}
