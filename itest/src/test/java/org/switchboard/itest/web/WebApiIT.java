package org.switchboard.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.switchboard.api.sip.SipDomains;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.TrustAll;

/**
 * The platform's web side over real HTTP and HTTPS: the client configuration, the
 * call-history REST API with the users' SIP credentials, the softphone's static files, the
 * plain-HTTP-only-on-loopback rule, and the softphone bundle coming and going at run time.
 * The blocking test runs last (name order): it blocks the loopback address.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebApiIT extends SwitchboardTestSupport {
    private static final String CALL = "{\"direction\":\"outgoing\",\"peer\":\"sip:%s@example.com\",\"peerName\":\"Bob\","
            + "\"video\":false,\"startedAt\":\"2026-11-22T10:00:00Z\",\"answeredAt\":\"2026-11-22T10:00:02Z\","
            + "\"endedAt\":\"2026-11-22T10:01:00Z\",\"outcome\":\"answered\",\"reason\":\"\"}";

    private final HttpClient http = HttpClient.newBuilder().sslContext(TrustAll.sslContext())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Before
    public void awaitWeb() {
        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).ignoreExceptions()
                .until(() -> send(get(https("/api/client-config"))).statusCode() == 200
                        && send(get(http("/api/client-config"))).statusCode() == 200);
    }

    private URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort() + path);
    }

    private URI https(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort() + path);
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    }

    private static HttpRequest.Builder as(HttpRequest.Builder b, SipUser user, String password) {
        String token = Base64.getEncoder().encodeToString((user.name() + ":" + password).getBytes(StandardCharsets.UTF_8));
        return b.header("Authorization", "Basic " + token).header("X-Requested-With", "switchboard");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void a_clientConfigNamesTheDomainAndTheSocketsInPriorityOrder() throws Exception {
        String domain = bundleContext.getService(bundleContext.getServiceReference(SipDomains.class)).canonical();
        HttpResponse<String> plain = send(get(http("/api/client-config")));
        assertEquals("application/json;charset=utf-8", plain.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertTrue(plain.body(), plain.body().contains("\"domain\":\"" + domain + "\""));
        assertTrue("a loopback page over plain HTTP gets ws:// first: " + plain.body(),
                plain.body().contains("\"wssUrls\":[\"ws://127.0.0.1:" + wsPort() + "\",\"wss://127.0.0.1:" + wssPort() + "\"]"));
        HttpResponse<String> secure = send(get(https("/api/client-config")));
        assertTrue("an HTTPS page gets only wss://: " + secure.body(),
                secure.body().contains("\"wssUrls\":[\"wss://127.0.0.1:" + wssPort() + "\"]"));
        assertTrue(secure.body(), secure.body().contains("\"iceServers\":[]"));
    }

    /** The boot feature switchboard-meetings registers the client feature "meetings"; 304 while unchanged. */
    @Test
    public void a_clientConfigListsTheInstalledClientFeaturesUnderAnETag() throws Exception {
        HttpResponse<String> first = send(get(http("/api/client-config")));
        assertTrue(first.body(), first.body().contains("\"features\":[{\"id\":\"meetings\",\"settings\":{\"rooms\":\"8000-8999\"}}]"));
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull("client-config has an ETag", etag);
        assertEquals(Optional.of("no-cache"), first.headers().firstValue("Cache-Control"));
        HttpResponse<String> again = send(get(http("/api/client-config")).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = send(get(http("/api/client-config")).header("If-None-Match", "\"stale\""));
        assertEquals(200, other.statusCode());
        assertEquals(first.body(), other.body());
    }

    @Test
    public void b_historyIsPerUserAndUnderstandsTheContract() throws Exception {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        HttpResponse<String> created = send(as(get(https("/api/history")), alice, alice.password())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(String.format(CALL, "bob"))));
        assertEquals(created.body(), 201, created.statusCode());
        Matcher id = Pattern.compile("\"id\":\"(\\d+)\"").matcher(created.body());
        assertTrue(created.body(), id.find());
        assertEquals(Optional.of("/api/history/" + id.group(1)), created.headers().firstValue("Location"));
        send(as(get(https("/api/history")), alice, alice.password()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(CALL, "carol").replace("10:00:00Z", "10:00:30Z"))));

        HttpResponse<String> list = send(as(get(http("/api/history")), alice, alice.password()));
        assertEquals(200, list.statusCode());
        assertTrue("newest first: " + list.body(), list.body().indexOf("sip:carol@") < list.body().indexOf("sip:bob@"));
        HttpResponse<String> bobs = send(as(get(http("/api/history")), bob, bob.password()));
        assertEquals("another user sees none of it", "{\"items\":[]}", bobs.body());
        assertEquals(404, send(as(get(http("/api/history/" + id.group(1))), bob, bob.password()).DELETE()).statusCode());

        HttpResponse<String> bad = send(as(get(http("/api/history")), alice, alice.password())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"direction\":\"up\"}")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(bad.body(), bad.body().contains("'direction' must be one of outgoing, incoming"));
        assertEquals(415, send(as(get(http("/api/history")), alice, alice.password())
                .POST(HttpRequest.BodyPublishers.ofString(String.format(CALL, "x")))).statusCode());

        assertEquals(204, send(as(get(http("/api/history/" + id.group(1))), alice, alice.password()).DELETE()).statusCode());
        assertFalse(send(as(get(http("/api/history")), alice, alice.password())).body().contains("sip:bob@"));
        assertEquals(204, send(as(get(http("/api/history")), alice, alice.password()).DELETE()).statusCode());
        assertEquals("{\"items\":[]}", send(as(get(http("/api/history")), alice, alice.password())).body());
    }

    @Test
    public void c_historySurvivesARestartOfTheWebAndStoreBundles() throws Exception {
        SipUser carol = createUser("carol");
        assertEquals(201, send(as(get(http("/api/history")), carol, carol.password()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(CALL, "dave")))).statusCode());
        for (String name : new String[] {"org.switchboard.web", "org.switchboard.store"}) {
            Bundle b = bundle(name);
            b.stop();
            b.start();
        }
        Awaitility.await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() ->
                send(as(get(http("/api/history")), carol, carol.password())).body().contains("sip:dave@example.com"));
    }

    @Test
    public void d_wrongOrMissingCredentialsGet401WithoutABrowserPopUpForScripts() throws Exception {
        SipUser dave = createUser("dave");
        HttpResponse<String> none = send(get(http("/api/history")));
        assertEquals(401, none.statusCode());
        assertEquals(Optional.of("Basic realm=\"switchboard\", charset=\"UTF-8\""), none.headers().firstValue("WWW-Authenticate"));
        HttpResponse<String> wrong = send(as(get(http("/api/history")), dave, "not-" + dave.password()));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("wrong user name or password"));
        assertNull("X-Requested-With: no Basic challenge", wrong.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    public void e_theSoftphoneIsServedCompressedAndCached() throws Exception {
        HttpResponse<String> root = send(get(http("/")));
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/phone/"));
        HttpResponse<String> index = send(get(https("/phone/")));
        assertEquals(200, index.statusCode());
        assertEquals(Optional.of("no-cache"), index.headers().firstValue("Cache-Control"));
        Matcher script = Pattern.compile("src=\"(/phone/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertTrue("index.html loads a hashed script: " + index.body(), script.find());
        HttpResponse<byte[]> js = http.send(get(https(script.group(1))).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, js.statusCode());
        assertEquals(Optional.of("gzip"), js.headers().firstValue("Content-Encoding"));
        assertTrue(js.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(js.body()))) {
            assertTrue("the script inflates to real code", in.readAllBytes().length > js.body().length);
        }
        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(get(https("/phone/")).header("If-None-Match", etag)).statusCode());
        assertEquals(404, send(get(http("/phone/../etc/users.properties"))).statusCode());
        HttpResponse<String> missing = send(get(http("/nothing-here")));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    public void f_theSoftphoneBundleComesAndGoesAtRunTime() throws Exception {
        Bundle client = bundle("org.switchboard.webclient");
        client.stop();
        try {
            Awaitility.await("GET /phone/ answers 404 once the client bundle stopped").atMost(30, TimeUnit.SECONDS)
                    .ignoreExceptions().until(() -> send(get(http("/phone/"))).statusCode(), status -> status == 404);
            assertEquals("the API stays up", 200, send(get(http("/api/client-config"))).statusCode());
        } finally {
            client.start();
        }
        Awaitility.await("GET /phone/ answers 200 once the client bundle started").atMost(30, TimeUnit.SECONDS)
                .ignoreExceptions().until(() -> send(get(http("/phone/"))).statusCode(), status -> status == 200);
    }

    @Test
    public void g_plainHttpFromAnotherHostIsRedirectedToHttps() throws Exception {
        InetAddress lan = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && nic.isUp()) {
                    lan = a;
                }
            }
        }
        assumeTrue("this machine has a non-loopback IPv4 address", lan != null);
        HttpURLConnection c = (HttpURLConnection) URI.create("http://" + lan.getHostAddress() + ":" + httpPort()
                + "/phone/?username=alice").toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        assertEquals(308, c.getResponseCode());
        assertEquals("https://" + lan.getHostAddress() + ":" + httpsPort() + "/phone/?username=alice", c.getHeaderField("Location"));
        c.disconnect();
    }

    @Test
    public void z_repeatedLoginFailuresBlockTheAddress() throws Exception {
        SipUser erin = createUser("erin");
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = send(as(get(http("/api/history")), erin, "wrong")).statusCode();
        }
        HttpResponse<String> blocked = send(as(get(http("/api/history")), erin, erin.password()));
        assertEquals("even the right password waits out the block: " + blocked.body(), 429, blocked.statusCode());
        assertNotNull(blocked.headers().firstValue("Retry-After").orElse(null));
        assertTrue(blocked.body(), blocked.body().contains("too many failed logins"));
    }
}
