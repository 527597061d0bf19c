package org.switchboard.platform.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.Credentials;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.testing.InMemoryDirectory;

/** The one limiter and the directory checks SIP and HTTP share. */
class SharedAuthServiceTest {
    private static final String REALM = "example.com";
    private static final String ATTACKER = "203.0.113.9";
    private final FailureLimiterTest.MutableClock clock = new FailureLimiterTest.MutableClock();
    private final SharedAuthService auth = new SharedAuthService(new FailureLimiter(10, Duration.ofSeconds(60),
            Duration.ofSeconds(300), clock));

    SharedAuthServiceTest() {
        auth.addAuthenticator(new DirectoryAuthenticator(new InMemoryDirectory().add("user1000", REALM, "right-1000")
                .add("user1001", REALM, "right-1001")), Map.of());
    }

    private AuthResult basic(String user, String password, String from) {
        return auth.authenticate(new Credentials.Password(user, password, REALM), from, "HTTP", "GET /api/history");
    }

    private static Credentials.Digest digest(String user, String password, DigestAlgorithm alg) {
        String ha1 = alg.ha1(user, REALM, password.toCharArray()).hash();
        String response = DigestResponse.expected(alg, ha1, "n0nce", "00000001", "c0ffee", "auth", "REGISTER", "sip:example.com");
        return new Credentials.Digest(user, REALM, alg, "REGISTER", "sip:example.com", "n0nce", "00000001", "c0ffee", "auth",
                response);
    }

    @Test
    void passwordsAndDigestsOfBothAlgorithmsAreChecked() {
        assertEquals(AuthResult.accepted("user1000"), basic("user1000", "right-1000", "192.0.2.1"));
        assertEquals(AuthResult.rejected("user1000"), basic("user1000", "wrong", "192.0.2.1"));
        assertEquals(AuthResult.rejected("nobody"), basic("nobody", "right-1000", "192.0.2.1"));
        for (DigestAlgorithm alg : DigestAlgorithm.values()) {
            assertTrue(auth.authenticate(digest("user1001", "right-1001", alg), "192.0.2.1", "SIP", "REGISTER").accepted(), alg.token());
            assertEquals(AuthResult.rejected("user1001"),
                    auth.authenticate(digest("user1001", "wrong", alg), "192.0.2.1", "SIP", "REGISTER"), alg.token());
        }
    }

    @Test
    void aValidLoginForOneUserNeverClearsTheAddressCount() {
        // the attack: 9 wrong passwords for user1001, then a right login as user1000, 5 times
        int blockedAt = -1;
        for (int round = 0; round < 5 && blockedAt < 0; round++) {
            for (int i = 0; i < 9; i++) {
                if (basic("user1001", "guess-" + i, ATTACKER).outcome() == AuthResult.Outcome.BLOCKED) {
                    blockedAt = round;
                }
            }
            basic("user1000", "right-1000", ATTACKER);
        }
        assertEquals(1, blockedAt, "the address is blocked in the second round");
        assertEquals(AuthResult.Outcome.BLOCKED, basic("user1000", "right-1000", ATTACKER).outcome());
        assertEquals(300, auth.blockedSeconds(null, ATTACKER));
    }

    @Test
    void failuresOverSipAndHttpCountTogetherAndBlockOnlyThatAddress() {
        for (int i = 0; i < 5; i++) {
            auth.authenticate(digest("user1000", "guess", DigestAlgorithm.MD5), ATTACKER, "SIP", "REGISTER");
            basic("user1000", "guess", ATTACKER);
        }
        assertEquals(AuthResult.Outcome.BLOCKED, basic("user1000", "right-1000", ATTACKER).outcome(), "HTTP blocked by SIP failures too");
        assertTrue(basic("user1000", "right-1000", "192.0.2.44").accepted(), "the real user elsewhere is not locked out");
        clock.advance(Duration.ofSeconds(301));
        assertTrue(basic("user1000", "right-1000", ATTACKER).accepted(), "the block lapses");
    }

    @Test
    void theFirstAuthenticatorThatAnswersDecidesInRankingOrder() {
        auth.addAuthenticator(c -> c instanceof Credentials.Bearer b && b.token().equals("good")
                ? Optional.of(AuthResult.accepted("token-user")) : Optional.empty(), Map.of("service.ranking", 10));
        assertEquals(AuthResult.accepted("token-user"),
                auth.authenticate(new Credentials.Bearer("good"), "192.0.2.1", "HTTP", "GET /"));
        assertEquals(AuthResult.rejected(null), auth.authenticate(new Credentials.Bearer("bad"), "192.0.2.1", "HTTP", "GET /"));
        assertTrue(basic("user1000", "right-1000", "192.0.2.1").accepted(), "passwords still reach the directory");
    }
}
