package org.switchboard.platform.internal.auth;

import org.switchboard.api.auth.Authenticator;
import org.switchboard.api.auth.Credentials;
import org.switchboard.testing.InMemoryDirectory;
import org.switchboard.testkit.AuthenticatorContract;

/** The directory's password check passes the Authenticator conformance suite. */
class DirectoryAuthenticatorConformanceTest extends AuthenticatorContract {
    private final Authenticator authenticator = new DirectoryAuthenticator(new InMemoryDirectory().add("alice", "example.com", "secret"));

    @Override
    protected Authenticator authenticator() {
        return authenticator;
    }

    @Override
    protected Credentials valid() {
        return new Credentials.Password("alice", "secret", "example.com");
    }

    @Override
    protected String validUser() {
        return "alice";
    }

    @Override
    protected Credentials invalid() {
        return new Credentials.Password("alice", "guess", "example.com");
    }

    @Override
    protected Credentials foreign() {
        return new Credentials.Bearer("eyJhbGciOiJub25lIn0.e30.");
    }
}
