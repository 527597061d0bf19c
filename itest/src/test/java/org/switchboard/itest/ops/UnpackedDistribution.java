package org.switchboard.itest.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The distribution tar.gz this reactor built, unpacked with {@code tar} (so that the modes are
 * those a user gets) into {@code itest/target/ops/<uuid>}, for tests that run its own scripts
 * ({@code bin/switchboard}) rather than Pax Exam's launcher.
 */
final class UnpackedDistribution {
    final Path home;

    private UnpackedDistribution(Path home) {
        this.home = home;
    }

    static UnpackedDistribution unpack() throws IOException, InterruptedException {
        Path tarGz = tarGz();
        Path base = Path.of(System.getProperty("itest.exam.dir", "target/exam")).toAbsolutePath().getParent();
        Path home = base.resolve("ops").resolve(UUID.randomUUID().toString());
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "xzf", tarGz.toString(), "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), UTF_8);
        if (tar.waitFor() != 0) {
            throw new IOException("tar xzf " + tarGz + " failed: " + out);
        }
        return new UnpackedDistribution(home);
    }

    /** The tar.gz in the local Maven repository (the artifact Pax Exam boots), by the version the itests depend on. */
    private static Path tarGz() throws IOException {
        Properties deps = new Properties();
        try (InputStream in = UnpackedDistribution.class.getResourceAsStream("/META-INF/maven/dependencies.properties")) {
            if (in == null) {
                throw new IOException("META-INF/maven/dependencies.properties missing: run through Maven (depends-maven-plugin)");
            }
            deps.load(in);
        }
        String version = deps.getProperty("org.switchboard/switchboard/version");
        String repo = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        Path file = Path.of(repo, "org", "switchboard", "switchboard", version, "switchboard-" + version + ".tar.gz");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no distribution at " + file + ": install karaf-assembly first");
        }
        return file;
    }

    Path path(String relative) {
        return home.resolve(relative);
    }

    /** Sets {@code key = value} in a .cfg file of etc/, replacing the key's line or appending one. */
    void cfg(String file, String key, Object value) {
        Path cfg = path("etc/" + file);
        try {
            List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, UTF_8)) : new ArrayList<>();
            Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*=.*");
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (line.matcher(lines.get(i)).matches()) {
                    lines.set(i, key + " = " + value);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(key + " = " + value);
            }
            Files.write(cfg, lines, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
