package org.switchboard.sip.internal.auth;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.AuthService;
import org.switchboard.api.auth.Credentials;
import org.switchboard.api.directory.DigestAlgorithm;

/**
 * Digest authentication of SIP requests (RFC 3261 section 22, RFC 8760): challenges and nonces
 * here, the check itself through the platform's {@link AuthService} (the same for SIP and HTTP,
 * with one failure limiter). An unknown user and a wrong password get the same answer.
 */
public final class Authenticator {
    /** What authenticating a request found. */
    public sealed interface Outcome permits Authenticated, Challenge, Forbidden {
    }

    /** The credentials are right and fresh. */
    public record Authenticated(String user) implements Outcome {
    }

    /** Send a (new) challenge; {@code stale} when the password was right but the nonce was not. */
    public record Challenge(boolean stale) implements Outcome {
    }

    /** Wrong credentials, unknown user, or a blocked source: 403. */
    public record Forbidden() implements Outcome {
    }

    private static final Forbidden FORBIDDEN = new Forbidden();
    private static final Challenge FRESH = new Challenge(false);

    private final String realm;
    private final Nonces nonces;
    private final AuthService auth;
    private final List<DigestAlgorithm> offered;
    private final List<String> md5OnlyAgents;

    public Authenticator(String realm, Nonces nonces, AuthService auth, List<DigestAlgorithm> offered) {
        this(realm, nonces, auth, offered, List.of());
    }

    /**
     * @param md5OnlyAgents User-Agent prefixes (lower case) of clients that reject a 401/407 when
     *     any challenge names an algorithm they do not know (libre-based baresip 1.x): they get
     *     the MD5 challenge alone
     */
    public Authenticator(String realm, Nonces nonces, AuthService auth, List<DigestAlgorithm> offered,
            List<String> md5OnlyAgents) {
        this.md5OnlyAgents = List.copyOf(md5OnlyAgents);
        this.realm = realm;
        this.nonces = nonces;
        this.auth = auth;
        this.offered = List.copyOf(offered);
    }

    public String realm() {
        return realm;
    }

    /**
     * @param request the request to check
     * @param source the source IP address it came from
     * @param proxy true to check Proxy-Authorization (407), false for Authorization (401)
     */
    public Outcome authenticate(Request request, String source, boolean proxy) {
        if (auth.blockedSeconds(null, source) > 0) {
            return FORBIDDEN;
        }
        AuthorizationHeader creds = credentials(request, proxy);
        if (creds == null) {
            return FRESH;
        }
        String user = creds.getUsername();
        Optional<DigestAlgorithm> alg = DigestAlgorithm.fromToken(creds.getAlgorithm());
        String qop = creds.getQop();
        if (alg.isEmpty() || !offered.contains(alg.get()) || qop != null && !"auth".equalsIgnoreCase(qop)
                || creds.getNonce() == null || creds.getResponse() == null) {
            return FRESH;
        }
        if (user == null) {
            return FORBIDDEN;
        }
        Nonces.Check issued = nonces.issued(creds.getNonce());
        if (issued == Nonces.Check.INVALID) {
            return FRESH; // not our nonce: the response proves nothing either way, and the password is not looked at
        }
        String nc = qop == null ? null : String.format(Locale.ROOT, "%08x", creds.getNonceCount());
        // the shared limiter (SIP and HTTP) blocks the address and the (user, address) pair, never
        // the user everywhere, and logs each failure with its source
        AuthResult result = auth.authenticate(new Credentials.Digest(user, realm, alg.get(), request.getMethod(),
                creds.getParameter("uri"), creds.getNonce(), nc, creds.getCNonce(), qop == null ? null : "auth",
                creds.getResponse()), source, "SIP", request.getMethod());
        if (!result.accepted()) {
            return FORBIDDEN;
        }
        Nonces.Check check = nonces.verify(creds.getNonce(), qop == null ? -1 : creds.getNonceCount());
        return check == Nonces.Check.VALID ? new Authenticated(user) : new Challenge(true);
    }

    private boolean md5Only(Request request) {
        if (request == null || md5OnlyAgents.isEmpty() || !offered.contains(DigestAlgorithm.MD5)) {
            return false;
        }
        javax.sip.header.Header ua = request.getHeader(javax.sip.header.UserAgentHeader.NAME);
        if (ua == null) {
            return false;
        }
        String text = ua.toString();
        String value = text.substring(text.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT);
        return md5OnlyAgents.stream().anyMatch(value::startsWith);
    }

    private AuthorizationHeader credentials(Request request, boolean proxy) {
        ListIterator<?> it = request.getHeaders(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
        while (it != null && it.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if ("Digest".equalsIgnoreCase(h.getScheme()) && realm.equals(h.getRealm())) {
                return h;
            }
        }
        return null;
    }

    /** Adds one challenge per offered algorithm, in the configured order (RFC 8760). */
    public void challenge(Response response, HeaderFactory headers, boolean proxy, boolean stale) throws ParseException {
        challenge(response, headers, proxy, stale, null);
    }

    /**
     * As {@link #challenge(Response, HeaderFactory, boolean, boolean)}, but a client whose
     * User-Agent is on the MD5-only list gets the MD5 challenge alone.
     */
    public void challenge(Response response, HeaderFactory headers, boolean proxy, boolean stale, Request request)
            throws ParseException {
        String nonce = nonces.create();
        List<DigestAlgorithm> algorithms = md5Only(request) ? List.of(DigestAlgorithm.MD5) : offered;
        for (DigestAlgorithm alg : algorithms) {
            WWWAuthenticateHeader h = proxy ? headers.createProxyAuthenticateHeader("Digest")
                    : headers.createWWWAuthenticateHeader("Digest");
            h.setRealm(realm);
            h.setNonce(nonce);
            h.setAlgorithm(alg.token());
            h.setQop("auth");
            if (stale) {
                h.setStale(true);
            }
            response.addHeader(h);
        }
    }
}
