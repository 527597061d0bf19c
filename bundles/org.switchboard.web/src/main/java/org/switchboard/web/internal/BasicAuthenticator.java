package org.switchboard.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.AuthService;
import org.switchboard.api.auth.Credentials;

/**
 * Authentication of REST requests through the platform's {@link AuthService}, the same as SIP's:
 * HTTP Basic with the user's SIP credentials (over TLS, or plain HTTP on loopback only), or a
 * Bearer token that an identity provider's Authenticator accepts. Failures count in the limiter
 * SIP shares: per address and per (user, address), never per user alone.
 */
final class BasicAuthenticator {
    private final AuthService auth;
    private final String realm;

    BasicAuthenticator(AuthService auth, String realm) {
        this.auth = auth;
        this.realm = realm;
    }

    /**
     * @return the authenticated user name
     * @throws Problem 401 without or with wrong credentials, 429 while the address (or the user
     *     from it) is blocked
     */
    String authenticate(HttpServletRequest req, HttpServletResponse resp) throws Problem {
        String address = req.getRemoteAddr();
        blocked(resp, auth.blockedSeconds(null, address), address);
        Credentials credentials = credentials(req.getHeader("Authorization"));
        if (credentials == null) {
            challenge(req, resp);
            throw new Problem(401, "send your SIP user name and password as HTTP Basic credentials, or a Bearer token");
        }
        AuthResult result = auth.authenticate(credentials, address, "HTTP", req.getMethod() + " " + req.getRequestURI());
        if (result.outcome() == AuthResult.Outcome.BLOCKED) {
            blocked(resp, result.retryAfterSeconds(), address);
        }
        if (!result.accepted()) {
            challenge(req, resp);
            throw new Problem(401, credentials instanceof Credentials.Bearer ? "the Bearer token is not accepted"
                    : "wrong user name or password");
        }
        return result.user();
    }

    private static void blocked(HttpServletResponse resp, long retryAfter, String address) throws Problem {
        if (retryAfter > 0) {
            resp.setHeader("Retry-After", Long.toString(retryAfter));
            throw new Problem(429, "too many failed logins from " + address + "; retry in " + retryAfter + " s");
        }
    }

    private Credentials credentials(String header) {
        if (header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials.Bearer(header.substring(7).trim());
        }
        return parse(header).map(c -> (Credentials) new Credentials.Password(c[0], c[1], realm)).orElse(null);
    }

    /** Scripted clients (X-Requested-With) get no Basic challenge, so that browsers show no login pop-up. */
    private void challenge(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getHeader("X-Requested-With") == null) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
    }

    static Optional<String[]> parse(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
