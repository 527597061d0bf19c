package org.switchboard.sip.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.testing.InMemoryDirectory;
import org.switchboard.platform.internal.auth.DirectoryAuthenticator;
import org.switchboard.platform.internal.auth.FailureLimiter;
import org.switchboard.platform.internal.auth.SharedAuthService;
import org.switchboard.sip.internal.Sip;

class AuthenticatorTest {
    private static final String REALM = "example.com";
    private static final String SRC = "198.51.100.7";
    private static final int LIMIT = 3;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final Nonces nonces = new Nonces(Duration.ofSeconds(300), clock);
    private final InMemoryDirectory directory = new InMemoryDirectory().add("alice", REALM, "wonderland").add("bob", REALM, "builder");
    /** The platform's real AuthService, with its directory Authenticator: the limiter SIP and HTTP share. */
    private final SharedAuthService shared = new SharedAuthService(
            new FailureLimiter(LIMIT, Duration.ofSeconds(60), Duration.ofSeconds(300), clock));
    private final Authenticator auth = new Authenticator(REALM, nonces, shared, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));

    {
        shared.addAuthenticator(new DirectoryAuthenticator(directory), Map.of());
    }

    /** A REGISTER with the client's digest response computed here from the clear-text password. */
    static Request register(String user, String realm, String password, DigestAlgorithm alg, String nonce, String nc,
            String header) {
        String uri = "sip:example.com";
        String cnonce = "0a4f113b";
        String ha1 = alg.hash(user + ":" + realm + ":" + password);
        String ha2 = alg.hash("REGISTER:" + uri);
        String response = alg.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        String creds = header + ": Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + alg.token()
                + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
        return Sip.request("REGISTER", uri, creds);
    }

    private Request register(String user, String password, DigestAlgorithm alg, String nc) {
        return register(user, REALM, password, alg, nonces.create(), nc, "Authorization");
    }

    @Test
    void rightPasswordAuthenticatesWithSha256AndMd5() {
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.SHA_256, "00000001"), SRC, false));
        assertEquals(new Authenticator.Authenticated("bob"),
                auth.authenticate(register("bob", "builder", DigestAlgorithm.MD5, "00000001"), SRC, false));
    }

    @Test
    void aNonceNeverIssuedHereRevealsNothingAboutThePassword() {
        // a forged nonce of the right shape: a correct and a wrong password must get the same answer
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        Authenticator.Outcome right = auth.authenticate(
                register("alice", REALM, "wonderland", DigestAlgorithm.MD5, forged, "00000001", "Authorization"), SRC, false);
        Authenticator.Outcome wrong = auth.authenticate(
                register("alice", REALM, "guess", DigestAlgorithm.MD5, forged, "00000001", "Authorization"), SRC, false);
        assertEquals(new Authenticator.Challenge(false), right);
        assertEquals(right, wrong);
        for (int i = 0; i < LIMIT + 2; i++) { // and such guesses never lock the user out
            auth.authenticate(register("alice", REALM, "guess", DigestAlgorithm.MD5, forged, "00000001", "Authorization"), SRC, false);
        }
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), SRC, false));
    }

    @Test
    void hexNonceCountAboveNineIsSignedAsSent() {
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "0000001a"), SRC, false));
    }

    @Test
    void proxyAuthorizationIsCheckedOnlyWhenAskedFor() {
        Request req = register("alice", REALM, "wonderland", DigestAlgorithm.SHA_256, nonces.create(), "00000001",
                "Proxy-Authorization");
        assertEquals(new Authenticator.Challenge(false), auth.authenticate(req, SRC, false));
        assertEquals(new Authenticator.Authenticated("alice"), auth.authenticate(req, SRC, true));
    }

    @Test
    void wrongPasswordAndUnknownUserAreBothForbidden() {
        Authenticator.Outcome wrong = auth.authenticate(register("alice", "guess", DigestAlgorithm.SHA_256, "00000001"), SRC, false);
        Authenticator.Outcome unknown = auth.authenticate(register("mallory", "x", DigestAlgorithm.SHA_256, "00000001"), "203.0.113.1", false);
        assertInstanceOf(Authenticator.Forbidden.class, wrong);
        assertEquals(wrong, unknown);
    }

    @Test
    void noCredentialsOrAnotherRealmGetAFreshChallenge() {
        assertEquals(new Authenticator.Challenge(false), auth.authenticate(Sip.request("REGISTER", "sip:example.com"), SRC, false));
        Request otherRealm = register("alice", "example.org", "wonderland", DigestAlgorithm.SHA_256, nonces.create(),
                "00000001", "Authorization");
        assertEquals(new Authenticator.Challenge(false), auth.authenticate(otherRealm, SRC, false));
    }

    @Test
    void replayedNonceCountWithTheRightPasswordIsAStaleChallenge() {
        String nonce = nonces.create();
        Request first = register("alice", REALM, "wonderland", DigestAlgorithm.MD5, nonce, "00000001", "Authorization");
        assertEquals(new Authenticator.Authenticated("alice"), auth.authenticate(first, SRC, false));
        assertEquals(new Authenticator.Challenge(true), auth.authenticate(first, SRC, false));
        Request next = register("alice", REALM, "wonderland", DigestAlgorithm.MD5, nonce, "00000002", "Authorization");
        assertEquals(new Authenticator.Authenticated("alice"), auth.authenticate(next, SRC, false));
    }

    @Test
    void expiredNonceWithTheRightPasswordIsAStaleChallenge() {
        String nonce = nonces.create();
        clock.advance(Duration.ofSeconds(301));
        Request req = register("alice", REALM, "wonderland", DigestAlgorithm.MD5, nonce, "00000001", "Authorization");
        assertEquals(new Authenticator.Challenge(true), auth.authenticate(req, SRC, false));
    }

    @Test
    void sourceIsBlockedAfterTheLimitButOtherSourcesAreNot() {
        for (int i = 0; i < LIMIT; i++) {
            String user = i % 2 == 0 ? "mallory" + i : "bob";
            assertInstanceOf(Authenticator.Forbidden.class,
                    auth.authenticate(register(user, "guess", DigestAlgorithm.MD5, "00000001"), SRC, false));
        }
        assertInstanceOf(Authenticator.Forbidden.class,
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), SRC, false));
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), "203.0.113.50", false));
    }

    @Test
    void aStrangerCannotLockTheRealUserOut() {
        String attacker = "198.51.100.66";
        for (int i = 0; i < LIMIT; i++) {
            assertInstanceOf(Authenticator.Forbidden.class,
                    auth.authenticate(register("alice", "guess" + i, DigestAlgorithm.MD5, "00000001"), attacker, false));
        }
        assertInstanceOf(Authenticator.Forbidden.class,
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), attacker, false),
                "the attacking address is blocked, even with the right password");
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), "203.0.113.99", false),
                "the real user, from her own address, is not");
        clock.advance(Duration.ofSeconds(300));
        assertEquals(new Authenticator.Authenticated("alice"),
                auth.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000002"), attacker, false),
                "the block ends");
    }

    @Test
    void algorithmNotOfferedGetsAFreshChallenge() {
        Authenticator sha256Only = new Authenticator(REALM, nonces, shared, List.of(DigestAlgorithm.SHA_256));
        assertEquals(new Authenticator.Challenge(false),
                sha256Only.authenticate(register("alice", "wonderland", DigestAlgorithm.MD5, "00000001"), SRC, false));
    }

    private static List<WWWAuthenticateHeader> challenges(Response r, String name) {
        List<WWWAuthenticateHeader> out = new ArrayList<>();
        ListIterator<?> it = r.getHeaders(name);
        while (it != null && it.hasNext()) {
            out.add((WWWAuthenticateHeader) it.next());
        }
        return out;
    }

    @Test
    void challengeOffersEveryAlgorithmInOrderWithOneNonce() throws Exception {
        Response r = Sip.MESSAGES.createResponse(401, Sip.request("REGISTER", "sip:example.com"));
        auth.challenge(r, Sip.HEADERS, false, false);
        List<WWWAuthenticateHeader> hs = challenges(r, WWWAuthenticateHeader.NAME);
        assertEquals(2, hs.size());
        assertEquals(List.of("SHA-256", "MD5"), hs.stream().map(WWWAuthenticateHeader::getAlgorithm).toList());
        for (WWWAuthenticateHeader h : hs) {
            assertEquals("Digest", h.getScheme());
            assertEquals(REALM, h.getRealm());
            assertEquals("auth", h.getQop());
            assertFalse(h.isStale());
            assertEquals(hs.get(0).getNonce(), h.getNonce());
        }
        assertNotNull(hs.get(0).getNonce());
        assertEquals(Nonces.Check.VALID, nonces.verify(hs.get(0).getNonce(), 1));
        assertTrue(challenges(r, ProxyAuthenticateHeader.NAME).isEmpty());
    }

    @Test
    void proxyChallengeIsProxyAuthenticateAndCarriesStale() throws Exception {
        Response r = Sip.MESSAGES.createResponse(407, Sip.request("INVITE", "sip:bob@example.com"));
        auth.challenge(r, Sip.HEADERS, true, true);
        List<WWWAuthenticateHeader> hs = challenges(r, ProxyAuthenticateHeader.NAME);
        assertEquals(2, hs.size());
        assertTrue(hs.stream().allMatch(h -> h instanceof ProxyAuthenticateHeader && h.isStale() && REALM.equals(h.getRealm())));
        assertTrue(challenges(r, WWWAuthenticateHeader.NAME).isEmpty());
        assertTrue(r.toString().contains("stale=true"), r::toString);
    }

    /** The algorithm of each WWW-Authenticate the quirk-aware authenticator puts in a 401 for this User-Agent. */
    private List<String> challengedAlgorithms(String userAgent) throws Exception {
        Authenticator quirky = new Authenticator(REALM, nonces, shared,
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), List.of("baresip", "jssip"));
        javax.sip.message.Request req = org.switchboard.sip.internal.Sip.request("REGISTER", "sip:example.com",
                "User-Agent: " + userAgent);
        javax.sip.message.Response r = org.switchboard.sip.internal.Sip.MESSAGES.createResponse(401, req);
        quirky.challenge(r, org.switchboard.sip.internal.Sip.HEADERS, false, false, req);
        List<String> algorithms = new java.util.ArrayList<>();
        r.getHeaders("WWW-Authenticate").forEachRemaining(
                h -> algorithms.add(((javax.sip.header.WWWAuthenticateHeader) h).getAlgorithm()));
        return algorithms;
    }

    @Test
    void baresipAndJssipGetTheMd5ChallengeAloneOthersGetEveryAlgorithm() throws Exception {
        assertEquals(List.of("MD5"), challengedAlgorithms("baresip v1.0.0 (x86_64/linux)"));
        assertEquals(List.of("MD5"), challengedAlgorithms("JsSIP 3.10.1"));
        assertEquals(List.of("MD5", "SHA-256"), challengedAlgorithms("Linphone/5.2"));
    }
}
