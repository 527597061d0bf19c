package org.switchboard.itest.register;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.OptionUtils;
import org.switchboard.itest.support.DigestRegister;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/**
 * One authentication contract for SIP and HTTP, as clients see it: digest MD5 and SHA-256 on
 * REGISTER, HTTP Basic and Bearer on REST, each with the right password, a wrong one and an
 * unknown user (which must look the same as a wrong password). Fewer failures than the limit,
 * so nothing gets blocked here (see AuthFailureBlockIT).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthMatrixIT extends SwitchboardTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(3);

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.switchboard.sip.cfg", "auth.algorithms", "SHA-256, MD5"));
    }

    private int sip(String user, String password, String algorithm) {
        try (UdpProbe phone = new UdpProbe(sipPort())) {
            return DigestRegister.register(phone, HOST, user, password, algorithm, WAIT);
        }
    }

    private int http(String authorization) throws Exception {
        awaitWebReady();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort() + "/api/history"))
                .header("X-Requested-With", "test").timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void digestOfBothAlgorithmsOverSip() {
        SipUser u = createUser("matrix");
        assertEquals("MD5, right password", 200, sip(u.name(), u.password(), "MD5"));
        assertEquals("SHA-256, right password", 200, sip(u.name(), u.password(), "SHA-256"));
        assertEquals("SHA-256, wrong password", 403, sip(u.name(), "wrong", "SHA-256"));
        assertEquals("MD5, unknown user: as a wrong password", 403, sip("nobody-" + u.name(), u.password(), "MD5"));
    }

    @Test
    public void basicAndBearerOverHttp() throws Exception {
        SipUser u = createUser("matrixweb");
        assertEquals("Basic, right password", 200, http(basic(u.name(), u.password())));
        assertEquals("Basic, wrong password", 401, http(basic(u.name(), "wrong")));
        assertEquals("Basic, unknown user: as a wrong password", 401, http(basic("nobody-" + u.name(), u.password())));
        assertEquals("a Bearer token no identity provider accepts", 401, http("Bearer not-a-token"));
        assertEquals("no credentials", 401, http(null));
    }
}
