package org.switchboard.itest.register;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.ExternalProcess.Result;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.Sipsak;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * Failed authentications are rate-limited: after {@code failure.limit} (10) wrong passwords
 * from one address, even the right password is refused for a while, over SIP and over REST
 * alike (one limiter), and the block is logged.
 * In its own class because the block covers 127.0.0.1, the address every test uses.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthFailureBlockIT extends SwitchboardTestSupport {

    @Test
    public void tenWrongPasswordsBlockTheAddressAndTheBlockIsLogged() throws Exception {
        SipUser victim = createUser("victim");
        String contact = "sip:" + victim.name() + "@127.0.0.1:5999";
        assertEquals("the right password works before the attack", 0,
                Sipsak.register(HOST, sipPort(), victim.name(), victim.password(), contact, 300).exitCode());

        for (int i = 0; i < 10; i++) {
            Result wrong = Sipsak.register(HOST, sipPort(), victim.name(), "guess" + i, contact, 300);
            assertNotEquals("wrong password " + i + " refused:\n" + wrong, 0, wrong.exitCode());
        }
        Result right = Sipsak.register(HOST, sipPort(), victim.name(), victim.password(), contact, 300);
        assertNotEquals("the right password is refused while the address is blocked:\n" + right, 0, right.exitCode());
        assertTrue(right.toString(), right.toString().contains("403"));

        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        Awaitility.await("the block is logged in " + log).atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(log) && Files.readString(log).contains("Blocking authentication (SIP and HTTP) for address 127.0.0.1"));
        assertTrue("each failure is one fail2ban line with its source", Files.readString(log)
                .contains("SIP authentication failed for user '" + victim.name() + "' from 127.0.0.1 (REGISTER)"));

        // one limiter for SIP and HTTP: the address blocked over SIP is blocked over REST too
        awaitWebReady();
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + HOST + ":" + httpPort() + "/api/history"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (victim.name() + ":" + victim.password()).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(rest.body(), 429, rest.statusCode());
        assertTrue(rest.headers().firstValue("Retry-After").isPresent());
    }
}
