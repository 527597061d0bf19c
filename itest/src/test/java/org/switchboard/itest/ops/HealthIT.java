package org.switchboard.itest.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.health.Health;
import org.switchboard.api.health.HealthIndicator;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.TrustAll;

/**
 * {@code GET /api/health} and {@code web:health} on the real distribution: 200 and UP with the
 * web listeners' indicator, 503 naming the part as soon as any indicator service goes DOWN,
 * back to 200 when it recovers or goes away; the bearer token is required and bad requests get
 * JSON problems. Also: the platform code (not only bin/setenv's umask, which Pax Exam's launcher
 * does not run) makes the folders holding secrets owner-only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthIT extends SwitchboardTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().sslContext(TrustAll.sslContext())
            .connectTimeout(Duration.ofSeconds(5)).build();

    private String token;

    @Before
    public void readToken() throws IOException {
        awaitWebReady();
        Path file = etc().resolve("secrets/health.token");
        Awaitility.await("the health token is generated").atMost(WAIT).until(() -> Files.exists(file));
        token = Files.readString(file).trim();
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort() + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path) throws Exception {
        return get(path, "Bearer " + token).statusCode();
    }

    @Test
    public void healthyThenDownWhenAnIndicatorIsDownThenHealthyAgain() throws Exception {
        Awaitility.await("/api/health is 200").atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> status("/api/health") == 200);
        HttpResponse<String> up = get("/api/health", "Bearer " + token);
        assertTrue(up.body(), up.body().startsWith("{\"status\":\"UP\""));
        assertTrue(up.body(), up.body().contains("\"name\":\"web\",\"status\":\"UP\""));
        assertTrue(up.body(), up.body().contains("\"https.listening\":true"));
        assertEquals("application/json", up.headers().firstValue("Content-Type").orElse("").split(";")[0]);

        AtomicBoolean healthy = new AtomicBoolean(false);
        ServiceRegistration<HealthIndicator> reg = bundleContext.registerService(HealthIndicator.class, new HealthIndicator() {
            @Override
            public String name() {
                return "itest-probe";
            }

            @Override
            public Health check() {
                return healthy.get() ? Health.up(Map.of("receiving", true))
                        : Health.down(Map.of("receiving", false, "reason", "itest says so"));
            }
        }, null);
        try {
            Awaitility.await("/api/health turns 503").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> status("/api/health") == 503);
            HttpResponse<String> down = get("/api/health", "Bearer " + token);
            assertTrue(down.body(), down.body().startsWith("{\"status\":\"DOWN\""));
            assertTrue(down.body(), down.body().contains("\"name\":\"itest-probe\",\"status\":\"DOWN\""));
            assertTrue(down.body(), down.body().contains("itest says so"));
            assertEquals(503, status("/api/health/itest-probe"));
            assertEquals("one indicator alone is judged alone", 200, status("/api/health/web"));

            String shell = executeCommand("web:health");
            assertTrue(shell, shell.contains("Switchboard is DOWN"));
            assertTrue(shell, shell.matches("(?s).*\\bDOWN\\s+itest-probe\\s+.*receiving=false.*"));
            assertTrue(shell, shell.matches("(?s).*\\bUP\\s+web\\s+http\\.port=.*"));

            healthy.set(true);
            assertEquals(200, status("/api/health"));
        } finally {
            reg.unregister();
        }
        assertEquals(404, status("/api/health/itest-probe"));
        assertEquals(200, status("/api/health"));
    }

    /**
     * Each SIP listener reports itself: all UP and receiving, then a stopped listener turns the
     * whole report red (503) and {@code sip:transports} says so, and started again it serves.
     */
    @Test
    public void aStoppedSipListenerTurnsHealthRedUntilItServesAgain() throws Exception {
        Awaitility.await("/api/health is 200").atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> status("/api/health") == 200);
        for (String part : new String[] {"sip-udp", "sip-tcp", "sip-tls", "sip-ws", "sip-wss", "sip-overload"}) {
            HttpResponse<String> r = get("/api/health/" + part, "Bearer " + token);
            assertEquals(part + ": " + r.body(), 200, r.statusCode());
        }
        assertTrue(get("/api/health/sip-udp", "Bearer " + token).body().contains("\"receiving\":true"));
        try {
            assertTrue(executeCommand("sip:listener-stop UDP").contains("stopped"));
            Awaitility.await("/api/health turns 503").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> status("/api/health") == 503);
            HttpResponse<String> down = get("/api/health/sip-udp", "Bearer " + token);
            assertEquals(503, down.statusCode());
            assertTrue(down.body(), down.body().contains("\"receiving\":false"));
            assertTrue(executeCommand("sip:transports").matches("(?s).*UDP.*DOWN.*"));
            try (org.switchboard.itest.support.UdpProbe probe = new org.switchboard.itest.support.UdpProbe(sipPort())) {
                assertEquals("a stopped listener does not answer", null, probe.options(Duration.ofSeconds(1)));
            }
            assertEquals("the other listeners still serve", 200, status("/api/health/sip-tcp"));
        } finally {
            executeCommand("sip:listener-start UDP");
        }
        Awaitility.await("/api/health is 200 again").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> status("/api/health") == 200);
        awaitOptionsAnswered();
    }

    @Test
    public void tokenRequiredAndBadRequestsGetJsonProblems() throws Exception {
        HttpResponse<String> none = get("/api/health", null);
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, get("/api/health", "Bearer 00000000000000000000000000000000").statusCode());

        HttpResponse<String> unknown = get("/api/health/no-such-part", "Bearer " + token);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("\"status\":404"));
        assertEquals(404, get("/api/health/a/b", "Bearer " + token).statusCode());

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort() + "/api/health"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertTrue(post.body(), post.body().contains("\"title\":\"Method Not Allowed\""));
    }

    @Test
    public void foldersHoldingSecretsAreOwnerOnly() throws IOException {
        Path data = Path.of(System.getProperty("karaf.data"));
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.resolve("switchboard")));
        assertEquals("rw-------", mode(data.resolve("switchboard/switchboard.mv.db")));
        assertEquals("rwx------", mode(etc().resolve("secrets")));
        assertEquals("rw-------", mode(etc().resolve("secrets/health.token")));
        assertEquals("rw-------", mode(etc().resolve("secrets/tls.password")));
        // etc/org.ops4j.pax.web.cfg (it holds the key store password) is checked owner-only by
        // SupervisorIT, which starts the distribution through bin/ with its umask, as users do
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
