package org.switchboard.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.history.CallRecord;

class WebUnitsTest {

    static WebConfig config(int ws, int wss, String... extra) {
        return new WebConfig() {
            @Override public Class<? extends Annotation> annotationType() { return WebConfig.class; }
            @Override public int ws_port() { return ws; }
            @Override public int wss_port() { return wss; }
            @Override public String realm() { return "switchboard"; }
            @Override public String[] extra_wss_urls() { return extra; }
            @Override public String[] ice_servers() { return new String[0]; }
            @Override public boolean plain_http_remote() { return false; }
            @Override public String health_token_file() { return "secrets/health.token"; }
        };
    }

    @Test
    void plainWebSocketComesFirstOnlyForALoopbackPageOverHttp() {
        WebConfig c = config(5066, 7443, "wss://backup.example.com:7443, wss://vm:7443");
        assertEquals(List.of("ws://vm:5066", "wss://vm:7443", "wss://backup.example.com:7443"),
                ClientConfigServlet.socketUrls(c, "vm", false, true));
        assertEquals(List.of("wss://vm:7443", "wss://backup.example.com:7443"),
                ClientConfigServlet.socketUrls(c, "vm", true, true));
        assertEquals(List.of("wss://vm:7443", "wss://backup.example.com:7443"),
                ClientConfigServlet.socketUrls(c, "vm", false, false));
    }

    @Test
    void iceServersParseWithCredentialsAndRejectBadEntries() {
        List<Map<String, Object>> servers = IceServers.parse(new String[] {
            "stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp|alice|s3cret"});
        assertEquals(2, servers.size());
        assertEquals(Map.of("urls", "stun:stun.example.org:3478"), servers.get(0));
        assertEquals("alice", servers.get(1).get("username"));
        assertEquals("s3cret", servers.get(1).get("credential"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> IceServers.parse(new String[] {"http://nope"}));
        assertTrue(bad.getMessage().contains("ice.servers"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IceServers.parse(new String[] {"turn:t.example.org"}));
        assertTrue(IceServers.parse(new String[] {""}).isEmpty());
    }

    @Test
    void basicCredentialsParse() {
        String header = "Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));
        String[] creds = BasicAuthenticator.parse(header).orElseThrow();
        assertEquals("alice", creds[0]);
        assertEquals("pa:ss", creds[1], "only the first colon separates");
        assertTrue(BasicAuthenticator.parse("Basic !!!").isEmpty());
        assertTrue(BasicAuthenticator.parse("Bearer abc").isEmpty());
        assertTrue(BasicAuthenticator.parse(null).isEmpty());
        assertTrue(BasicAuthenticator.parse("Basic " + Base64.getEncoder().encodeToString(":x".getBytes())).isEmpty());
    }

    @Test
    void historyJsonRoundTripsAndExplainsBadInput() throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("direction", "incoming");
        in.put("peer", "sip:bob@vm");
        in.put("video", true);
        in.put("startedAt", "2026-11-22T10:00:00Z");
        in.put("endedAt", "2026-11-22T10:00:20Z");
        in.put("outcome", "missed");
        CallRecord call = HistoryJson.fromJson(in);
        assertEquals(CallRecord.Direction.INCOMING, call.direction());
        assertNull(call.answeredAt());
        Map<String, Object> out = HistoryJson.toJson(call.withId(7));
        assertEquals("7", out.get("id"));
        assertEquals("missed", out.get("outcome"));
        assertEquals("", out.get("peerName"));

        in.put("endedAt", "2026-11-22T09:00:00Z");
        assertEquals(400, assertThrows(Problem.class, () -> HistoryJson.fromJson(in)).status());
        in.put("endedAt", "yesterday");
        Problem p = assertThrows(Problem.class, () -> HistoryJson.fromJson(in));
        assertTrue(p.getMessage().contains("ISO-8601"), p.getMessage());
        in.remove("peer");
        assertTrue(assertThrows(Problem.class, () -> HistoryJson.fromJson(in)).getMessage().contains("'peer'"));
    }

    @Test
    void limitsAndAddressesAndTypes() throws Exception {
        assertEquals(100, HistoryServlet.limit(null));
        assertEquals(5, HistoryServlet.limit("5"));
        assertEquals(400, assertThrows(Problem.class, () -> HistoryServlet.limit("0")).status());
        assertEquals(400, assertThrows(Problem.class, () -> HistoryServlet.limit("x")).status());
        assertTrue(Loopback.is("127.0.0.1"));
        assertTrue(Loopback.is("0:0:0:0:0:0:0:1"));
        assertTrue(Loopback.is("[::1]"));
        assertFalse(Loopback.is("192.0.2.1"));
        assertFalse(Loopback.is("localhost.evil.example"), "names are never resolved");
        assertEquals("text/javascript; charset=utf-8", ContentTypes.of("/assets/index-abc.js"));
        assertTrue(ContentTypes.compressible(ContentTypes.of("a.css")));
        assertFalse(ContentTypes.compressible(ContentTypes.of("a.png")));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
