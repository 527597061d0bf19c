package org.switchboard.platform.internal;

import java.nio.file.Path;

/** Where Karaf keeps its configuration and data, from the properties its launcher sets. */
final class KarafPaths {
    private KarafPaths() {
    }

    static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }

    static Path data() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }
}
