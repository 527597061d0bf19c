package org.switchboard.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserDirectory;

/**
 * HTTP Basic authentication with the user's SIP credentials. The directory keeps only
 * digest HA1 hashes, so the password is checked by hashing it the same way (over TLS, or
 * plain HTTP on loopback only). Failures are counted per client address.
 */
final class BasicAuthenticator {
    private final UserDirectory users;
    private final String realm;
    private final LoginFailures failures;

    BasicAuthenticator(UserDirectory users, String realm, LoginFailures failures) {
        this.users = users;
        this.realm = realm;
        this.failures = failures;
    }

    /**
     * @return the authenticated user name
     * @throws Problem 401 without or with wrong credentials, 429 while the address is blocked
     */
    String authenticate(HttpServletRequest req, HttpServletResponse resp) throws Problem {
        String address = req.getRemoteAddr();
        long retryAfter = failures.blockedSeconds(address);
        if (retryAfter > 0) {
            resp.setHeader("Retry-After", Long.toString(retryAfter));
            throw new Problem(429, "too many failed logins from " + address + "; retry in " + retryAfter + " s");
        }
        Optional<String[]> credentials = parse(req.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            challenge(req, resp);
            throw new Problem(401, "send your SIP user name and password as HTTP Basic credentials");
        }
        String user = credentials.get()[0];
        if (!matches(user, credentials.get()[1])) {
            failures.failed(address);
            challenge(req, resp);
            throw new Problem(401, "wrong user name or password");
        }
        failures.succeeded(address);
        return user;
    }

    private boolean matches(String user, String password) {
        Optional<Ha1> stored = users.credential(user, realm, DigestAlgorithm.MD5);
        if (stored.isEmpty()) {
            return false;
        }
        Ha1 offered = DigestAlgorithm.MD5.ha1(user, realm, password.toCharArray());
        return MessageDigest.isEqual(offered.hash().getBytes(StandardCharsets.US_ASCII),
                stored.get().hash().getBytes(StandardCharsets.US_ASCII));
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
