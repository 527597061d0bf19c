package org.switchboard.platform.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.Authenticator;
import org.switchboard.api.auth.Credentials;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserDirectory;

/**
 * Passwords (HTTP Basic) and digest responses (SIP) checked against the user directory, which
 * keeps only HA1 hashes. An unknown user is checked against a dummy hash, so that it takes as
 * long and answers the same as a wrong password. Bearer tokens are not its business.
 */
@Component(property = "service.ranking:Integer=0")
public class DirectoryAuthenticator implements Authenticator {
    private final UserDirectory directory;

    @Activate
    public DirectoryAuthenticator(@Reference UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<AuthResult> authenticate(Credentials credentials) {
        if (credentials instanceof Credentials.Password p) {
            return Optional.of(check(p.user(), ha1(p.user(), p.realm(), DigestAlgorithm.MD5),
                    DigestAlgorithm.MD5.ha1(p.user() == null ? "" : p.user(), p.realm(), p.password().toCharArray()).hash()));
        }
        if (credentials instanceof Credentials.Digest d) {
            String expected = DigestResponse.expected(d.algorithm(), ha1(d.user(), d.realm(), d.algorithm()), d.nonce(),
                    d.nonceCount(), d.cnonce(), d.qop(), d.method(), d.uri());
            return Optional.of(check(d.user(), expected, d.response() == null ? "" : d.response().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    private String ha1(String user, String realm, DigestAlgorithm alg) {
        Optional<Ha1> stored = user == null ? Optional.empty() : directory.credential(user, realm, alg);
        return stored.map(Ha1::hash).orElseGet(() -> alg.hash(realm + ":no-such-user"));
    }

    private static AuthResult check(String user, String expected, String offered) {
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.US_ASCII));
        return ok && user != null ? AuthResult.accepted(user) : AuthResult.rejected(user);
    }
}
