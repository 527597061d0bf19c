package org.switchboard.web.internal;

import org.switchboard.api.auth.AuthService;
import org.switchboard.api.auth.Credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The health endpoint's credential: a bearer token kept in a file only Switchboard's user can
 * read ({@code etc/secrets/health.token}, generated at first start). Monitoring gets this token
 * and nothing else: no SIP user's password and no administrator account. The file is read on
 * every request, so replacing it rotates the token without a restart. Failures count in the
 * platform's shared limiter, like every REST and SIP login.
 */
final class HealthToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final AuthService auth;

    HealthToken(Path file, AuthService auth) {
        this.file = file;
        this.auth = auth;
    }

    Path file() {
        return file;
    }

    /** @return true if a token was generated now */
    boolean ensureExists() throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** @throws Problem 401 without or with a wrong token, 429 while the address is blocked, 503 without a token file */
    void authenticate(HttpServletRequest req, HttpServletResponse resp) throws Problem {
        String address = req.getRemoteAddr();
        long retryAfter = auth.blockedSeconds(null, address);
        if (retryAfter > 0) {
            resp.setHeader("Retry-After", Long.toString(retryAfter));
            throw new Problem(429, "too many failed logins from " + address + "; retry in " + retryAfter + " s");
        }
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard-health\"");
            throw new Problem(401, "send the token of " + file + " as 'Authorization: Bearer <token>'");
        }
        byte[] offered = header.substring(7).trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(offered, expected())) {
            // counted and logged by the shared limiter, like every failed login (SIP and HTTP)
            auth.authenticate(new Credentials.Bearer(new String(offered, StandardCharsets.US_ASCII)), address, "HTTP",
                    req.getMethod() + " " + req.getRequestURI());
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard-health\", error=\"invalid_token\"");
            throw new Problem(401, "wrong health token; it is in " + file);
        }
    }

    private byte[] expected() throws Problem {
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (token.length() < 16) {
                throw new Problem(503, "the health token in " + file + " is shorter than 16 characters; "
                        + "delete the file and restart org.switchboard.web to generate one");
            }
            return token.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new Problem(503, "cannot read the health token " + file + " (" + e.getMessage()
                    + "); restart org.switchboard.web to generate one, or fix its owner");
        }
    }
}
