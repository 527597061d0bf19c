package org.switchboard.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.health.Health;
import org.switchboard.api.health.HealthIndicator;

class HealthTest {

    static HealthIndicator indicator(String name, Health health) {
        return new HealthIndicator() {
            @Override public String name() { return name; }
            @Override public Health check() { return health; }
        };
    }

    static HealthIndicator throwing(String name) {
        return new HealthIndicator() {
            @Override public String name() { return name; }
            @Override public Health check() { throw new IllegalStateException("listener thread died"); }
        };
    }

    @Test
    void upOnlyWhenEveryIndicatorIsUpAndSortedByName() {
        HealthReport all = HealthReport.of(List.of(
                indicator("sip-udp", Health.up(Map.of("receiving", true, "queueDepth", 0))),
                indicator("sip-tcp", Health.up(Map.of()))));
        assertTrue(all.up());
        assertEquals(List.of("sip-tcp", "sip-udp"), all.entries().stream().map(HealthReport.Entry::name).toList());

        HealthReport oneDown = HealthReport.of(List.of(
                indicator("sip-udp", Health.up(Map.of())),
                indicator("sip-wss", Health.down(Map.of("reason", "port taken")))));
        assertFalse(oneDown.up());
        assertTrue(oneDown.only("sip-udp").up(), "one indicator alone is judged alone");
        assertFalse(oneDown.only("sip-wss").up());
        assertTrue(oneDown.only("nope").entries().isEmpty());
    }

    @Test
    void aThrowingOrNullIndicatorIsDownAndDoesNotBreakTheReport() {
        HealthReport report = HealthReport.of(List.of(throwing("media"), indicator("nil", null),
                indicator("web", Health.up(Map.of()))));
        assertFalse(report.up());
        assertEquals(3, report.entries().size());
        Health media = report.only("media").entries().get(0).health();
        assertEquals(Health.Status.DOWN, media.status());
        assertTrue(String.valueOf(media.details().get("error")).contains("listener thread died"));
        assertEquals(Health.Status.DOWN, report.only("nil").entries().get(0).health().status());
    }

    @Test
    void jsonNamesStatusAndDetails() throws Exception {
        HealthReport report = HealthReport.of(List.of(indicator("sip-udp",
                Health.down(Map.of("receiving", false, "lastReceivedMillisAgo", 70000)))));
        Map<String, Object> json = JSON.std.mapFrom(JSON.std.asString(report.toJson()));
        assertEquals("DOWN", json.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) json.get("indicators")).get(0);
        assertEquals("sip-udp", first.get("name"));
        assertEquals("DOWN", first.get("status"));
        assertEquals(Map.of("receiving", false, "lastReceivedMillisAgo", 70000), first.get("details"));
    }

    @Test
    void healthDetailsAreACopyAndReadOnly() {
        Map<String, Object> details = new java.util.HashMap<>(Map.of("a", 1));
        Health h = Health.up(details);
        details.put("b", 2);
        assertEquals(Map.of("a", 1), h.details());
        assertThrows(UnsupportedOperationException.class, () -> h.details().put("c", 3));
    }

    private static HealthToken token(Path dir, int limit) {
        return new HealthToken(dir.resolve("secrets/health.token"), new org.switchboard.platform.internal.auth.SharedAuthService(
                new org.switchboard.platform.internal.auth.FailureLimiter(limit, Duration.ofSeconds(60), Duration.ofSeconds(60),
                        Clock.systemUTC())));
    }

    @Test
    void tokenFileIsGeneratedOwnerOnlyOnceAndChecked(@TempDir Path dir) throws Exception {
        HealthToken token = token(dir, 3);
        assertTrue(token.ensureExists());
        assertFalse(token.ensureExists(), "kept at the next start");
        Path file = dir.resolve("secrets/health.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String secret = Files.readString(file).trim();
        assertEquals(48, secret.length());

        FakeHttp ok = new FakeHttp();
        ok.requestHeaders.put("Authorization", "Bearer " + secret);
        token.authenticate(ok.request(), ok.response());

        FakeHttp none = new FakeHttp();
        assertEquals(401, assertThrows(Problem.class, () -> token.authenticate(none.request(), none.response())).status());
        assertTrue(none.responseHeaders.get("WWW-Authenticate").startsWith("Bearer"));

        FakeHttp basic = new FakeHttp();
        basic.requestHeaders.put("Authorization", "Basic YWRtaW46YWRtaW4=");
        assertEquals(401, assertThrows(Problem.class, () -> token.authenticate(basic.request(), basic.response())).status());
    }

    @Test
    void wrongTokensAreCountedAndBlockTheAddress(@TempDir Path dir) throws Exception {
        HealthToken token = token(dir, 2);
        token.ensureExists();
        for (int i = 0; i < 2; i++) {
            FakeHttp wrong = new FakeHttp();
            wrong.requestHeaders.put("Authorization", "Bearer not-the-token-at-all");
            assertEquals(401, assertThrows(Problem.class, () -> token.authenticate(wrong.request(), wrong.response())).status());
        }
        FakeHttp right = new FakeHttp();
        right.requestHeaders.put("Authorization", "Bearer " + Files.readString(dir.resolve("secrets/health.token")).trim());
        assertEquals(429, assertThrows(Problem.class, () -> token.authenticate(right.request(), right.response())).status());
        assertTrue(right.responseHeaders.containsKey("Retry-After"));
    }

    @Test
    void rotatingTheFileChangesTheTokenWithoutRestart(@TempDir Path dir) throws Exception {
        HealthToken token = token(dir, 5);
        token.ensureExists();
        Files.writeString(dir.resolve("secrets/health.token"), "0123456789abcdef0123\n");
        FakeHttp rotated = new FakeHttp();
        rotated.requestHeaders.put("Authorization", "Bearer 0123456789abcdef0123");
        token.authenticate(rotated.request(), rotated.response());
    }

    @Test
    void webListenersAreUpWhenTheirPortsAcceptAndDownOtherwise() throws Exception {
        try (ServerSocket http = new ServerSocket()) {
            http.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int closedPort;
            try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = gone.getLocalPort();
            }
            assertTrue(new WebListenersHealth(config(http.getLocalPort(), false, 0)).check().isUp());
            Health https = new WebListenersHealth(config(http.getLocalPort(), true, closedPort)).check();
            assertFalse(https.isUp());
            assertEquals(false, https.details().get("https.listening"));
            assertTrue(String.valueOf(https.details().get("reason")).contains(String.valueOf(closedPort)));
        }
        assertEquals("127.0.0.1", WebListenersHealth.probeHost(new String[] {"0.0.0.0"}));
        assertEquals("192.0.2.9", WebListenersHealth.probeHost(new String[] {"192.0.2.9"}));
    }

    static WebListenersHealth.Config config(int http, boolean secure, int https) {
        return new WebListenersHealth.Config() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return WebListenersHealth.Config.class; }
            @Override public boolean org_osgi_service_http_enabled() { return true; }
            @Override public int org_osgi_service_http_port() { return http; }
            @Override public boolean org_osgi_service_http_secure_enabled() { return secure; }
            @Override public int org_osgi_service_http_port_secure() { return https; }
            @Override public String[] org_ops4j_pax_web_listening_addresses() { return new String[] {"0.0.0.0"}; }
        };
    }
}
