package org.switchboard.platform.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.switchboard.api.directory.DigestAlgorithm;

class DigestResponseTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void rfc7616Sha256ExampleVector() {
        String ha1 = DigestAlgorithm.SHA_256.ha1("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray()).hash();
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestResponse.expected(DigestAlgorithm.SHA_256, ha1, NONCE, "00000001", CNONCE, "auth", "GET", "/dir/index.html"));
    }

    @Test
    void rfc7616Md5ExampleVector() {
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray()).hash();
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestResponse.expected(DigestAlgorithm.MD5, ha1, NONCE, "00000001", CNONCE, "auth", "GET", "/dir/index.html"));
    }

    @Test
    void withoutQopTheRfc2069FormIsUsed() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.hash("bob:example.com:secret");
        String expected = md5.hash(ha1 + ":n1:" + md5.hash("INVITE:sip:carol@example.com"));
        assertEquals(expected, DigestResponse.expected(md5, ha1, "n1", null, null, null, "INVITE", "sip:carol@example.com"));
        assertNotEquals(expected, DigestResponse.expected(md5, ha1, "n1", "00000001", "c", "auth", "INVITE", "sip:carol@example.com"));
    }

    @Test
    void methodAndUriAreSigned() {
        String ha1 = DigestAlgorithm.MD5.hash("bob:example.com:secret");
        String reg = DigestResponse.expected(DigestAlgorithm.MD5, ha1, "n", "00000001", "c", "auth", "REGISTER", "sip:example.com");
        assertNotEquals(reg, DigestResponse.expected(DigestAlgorithm.MD5, ha1, "n", "00000001", "c", "auth", "INVITE", "sip:example.com"));
        assertNotEquals(reg, DigestResponse.expected(DigestAlgorithm.MD5, ha1, "n", "00000001", "c", "auth", "REGISTER", "sip:example.org"));
        assertNotEquals(reg, DigestResponse.expected(DigestAlgorithm.MD5, ha1, "n", "00000002", "c", "auth", "REGISTER", "sip:example.com"));
    }
}
