package org.switchboard.itest.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.switchboard.itest.support.FreePorts;
import org.switchboard.itest.support.UdpProbe;

/**
 * Runs the distribution the way an operator does, through {@code bin/switchboard} (the
 * supervisor), on free ports: the files that hold secrets are owner-only, a JVM killed with
 * SIGKILL is replaced by a new one that answers SIP again, and SIGTERM to the supervisor stops
 * everything for good. A plain JUnit test: it needs the real launcher scripts, not Pax Exam's.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SupervisorIT {
    private static final Duration BOOT = Duration.ofSeconds(120);

    private static UnpackedDistribution dist;
    private static Process supervisor;
    private static int sipPort;

    @BeforeClass
    public static void startSupervisor() throws Exception {
        dist = UnpackedDistribution.unpack();
        try (FreePorts free = new FreePorts()) {
            sipPort = free.udpAndTcp();
            String sip = "org.switchboard.sip.cfg";
            dist.cfg(sip, "bind.address", "127.0.0.1");
            dist.cfg(sip, "udp.port", sipPort);
            dist.cfg(sip, "tcp.port", sipPort);
            dist.cfg(sip, "tls.port", free.tcp());
            dist.cfg(sip, "ws.port", free.tcp());
            dist.cfg(sip, "wss.port", free.tcp());
            dist.cfg("org.apache.karaf.shell.cfg", "sshPort", free.tcp());
            dist.cfg("org.apache.karaf.management.cfg", "rmiRegistryPort", free.tcp());
            dist.cfg("org.apache.karaf.management.cfg", "rmiServerPort", free.tcp());
            dist.cfg("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", free.tcp());
            dist.cfg("org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", free.tcp());
        }
        ProcessBuilder pb = new ProcessBuilder(dist.path("bin/switchboard").toString())
                .directory(dist.home.toFile()).redirectErrorStream(true)
                .redirectOutput(dist.path("supervisor.out").toFile());
        pb.environment().put("SWITCHBOARD_BACKOFF_MAX", "2");
        supervisor = pb.start();
        awaitSipAnswers("the first JVM answers OPTIONS");
    }

    @AfterClass
    public static void killLeftovers() throws IOException {
        if (supervisor != null) {
            supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
            supervisor.destroyForcibly();
        }
        if (dist != null && !Boolean.getBoolean("itest.keepRuntime")) { // -Ditest.keepRuntime=true keeps it
            try (Stream<Path> all = Files.walk(dist.home)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    public void filesHoldingSecretsAreOwnerOnlyAndNoOtherCfgHoldsAPassword() throws IOException {
        Path paxWeb = dist.path("etc/org.ops4j.pax.web.cfg");
        Awaitility.await("HTTPS is configured in " + paxWeb).atMost(BOOT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(paxWeb).contains("org.ops4j.pax.web.ssl.keystore.password"));
        assertMode("rwx------", dist.path("data"));
        assertMode("rwx------", dist.path("data/switchboard"));
        assertMode("rw-------", dist.path("data/switchboard/switchboard.mv.db"));
        assertMode("rwx------", dist.path("etc/secrets"));
        List<Path> secrets;
        try (Stream<Path> files = Files.list(dist.path("etc/secrets"))) {
            secrets = files.filter(Files::isRegularFile).toList();
        }
        assertTrue("admin.password, tls.p12, tls.password: " + secrets, secrets.size() >= 3);
        for (Path secret : secrets) {
            assertMode("rw-------", secret);
        }
        String tlsPassword = Files.readString(dist.path("etc/secrets/tls.password")).trim();
        String adminPassword = Files.readString(dist.path("etc/secrets/admin.password")).trim();
        // Pax Web needs the key store password itself: its file is owner-only, like etc/secrets
        assertMode("rw-------", paxWeb);
        try (Stream<Path> cfgs = Files.list(dist.path("etc"))) {
            for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg") || p.toString().endsWith(".properties")).toList()) {
                String text = Files.readString(cfg, UTF_8);
                if (!cfg.equals(paxWeb)) {
                    assertFalse(cfg + " holds the TLS key store password", text.contains(tlsPassword));
                }
                assertFalse(cfg + " holds the admin password", text.contains(adminPassword));
            }
        }
    }

    @Test
    public void killedJvmIsRestartedAndSigtermStopsEverything() throws Exception {
        ProcessHandle first = karafJvm().orElseThrow(() -> new AssertionError("no Karaf JVM under the supervisor"));
        long killedAt = System.nanoTime();
        assertTrue(first.destroyForcibly()); // SIGKILL
        Awaitility.await("the killed JVM is gone").atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());

        Awaitility.await("the supervisor starts a new JVM").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> karafJvm().filter(j -> j.pid() != first.pid()).isPresent());
        ProcessHandle second = karafJvm().orElseThrow();
        assertNotEquals(first.pid(), second.pid());
        awaitSipAnswers("the restarted JVM answers OPTIONS");
        System.out.printf("SupervisorIT: SIP answered again %d ms after the JVM was killed%n",
                (System.nanoTime() - killedAt) / 1_000_000);
        String log = Files.readString(dist.path("data/log/supervisor.log"));
        assertTrue(log, log.contains("pid " + first.pid() + ") exited abnormally with exit code 137"));
        assertTrue(supervisor.isAlive());

        supervisor.destroy(); // SIGTERM
        Awaitility.await("the supervisor exits after SIGTERM").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200)).until(() -> !supervisor.isAlive());
        assertEquals("supervisor exit code", 0, supervisor.exitValue());
        assertFalse("the JVM stopped with it", second.isAlive());
        assertFalse("pid file removed", Files.exists(dist.path("data/switchboard.pid")));
        try (UdpProbe probe = new UdpProbe(sipPort)) {
            assertEquals("nothing answers SIP any more", null, probe.options(Duration.ofMillis(500)));
        }
        String after = Files.readString(dist.path("data/log/supervisor.log"));
        assertTrue(after, after.contains("after SIGTERM; supervisor exits"));
        assertEquals("no restart after SIGTERM", 2, after.split("started Karaf", -1).length - 1);
    }

    private static Optional<ProcessHandle> karafJvm() {
        return supervisor.children().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    private static void awaitSipAnswers(String what) {
        try (UdpProbe probe = new UdpProbe(sipPort)) {
            Awaitility.await(what).atMost(BOOT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!supervisor.isAlive()) {
                            throw new AssertionError("the supervisor exited: " + output());
                        }
                        return probe.options(Duration.ofMillis(500)) != null;
                    });
        }
    }

    private static String output() {
        try {
            return Files.readString(dist.path("supervisor.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertMode(String expected, Path path) throws IOException {
        assertEquals(path.toString(), expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }
}
