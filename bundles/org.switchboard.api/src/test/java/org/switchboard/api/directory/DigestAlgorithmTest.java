package org.switchboard.api.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    @Test
    void ha1MatchesRfc2617AndRfc7616Examples() {
        // RFC 2617 3.5: Mufasa / testrealm@host.com / Circle Of Life
        assertEquals("939e7578ed9e3c518a452acee763bce9",
                DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray()).hash());
        // RFC 7616 3.9.1: Mufasa / http-auth@example.org / Circle of Life
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
                DigestAlgorithm.SHA_256.ha1("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray()).hash());
    }

    @Test
    void missingAlgorithmMeansMd5AndUnknownIsRejected() {
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.fromToken(null).orElseThrow());
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.fromToken("sha-256").orElseThrow());
        assertTrue(DigestAlgorithm.fromToken("SHA-512-256").isEmpty());
    }

    @Test
    void usernamesAreChecked() {
        assertTrue(UserAccount.isValidUsername("alice.smith"));
        assertThrows(IllegalArgumentException.class, () -> new UserAccount("bad user", null, null));
        assertThrows(IllegalArgumentException.class, () -> new UserAccount("a@b", null, null));
    }
}
