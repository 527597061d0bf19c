package org.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

    private static String response(String header) {
        return Digest.params(header.substring(6)).get("response");
    }

    @Test
    void rfc7616ExamplesMd5AndSha256() {
        for (String[] c : new String[][] {{"MD5", "8ca523f5e9506fed4657c9700eebdbec"},
                {"SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"}}) {
            Digest.Challenge ch = new Digest.Challenge(false, "http-auth@example.org", NONCE, OPAQUE, c[0], true,
                    false);
            String h = Digest.credentials("Mufasa", "Circle of Life", ch, "GET", "/dir/index.html", 1, CNONCE);
            assertEquals(c[1], response(h), c[0]);
            assertTrue(h.contains("nc=00000001") && h.contains("qop=auth") && h.contains("opaque=\"" + OPAQUE));
        }
    }

    @Test
    void rfc2617Example() {
        Digest.Challenge ch = new Digest.Challenge(false, "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                null, "MD5", true, false);
        String h = Digest.credentials("Mufasa", "Circle Of Life", ch, "GET", "/dir/index.html", 1, "0a4f113b");
        assertEquals("6629fae49393a05397450978507c4ef1", response(h));
    }

    @Test
    void picksSha256WhenBothAreOffered() {
        String msg = "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "Call-ID: x\r\nCSeq: 1 REGISTER\r\n"
                + "WWW-Authenticate: Digest realm=\"switchboard\", nonce=\"n1\", qop=\"auth\", algorithm=MD5\r\n"
                + "WWW-Authenticate: Digest realm=\"switchboard\", nonce=\"n2\", qop=\"auth,auth-int\","
                + " algorithm=SHA-256, stale=TRUE\r\nContent-Length: 0\r\n\r\n";
        byte[] b = msg.getBytes(StandardCharsets.US_ASCII);
        Digest.Challenge c = Digest.pick(SipMessage.parse(b, b.length));
        assertEquals("SHA-256", c.hashName());
        assertEquals("n2", c.nonce());
        assertTrue(c.qopAuth() && c.stale());
    }
}
