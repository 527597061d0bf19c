package org.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.api.auth.AuthResult;
import org.switchboard.api.auth.Authenticator;
import org.switchboard.api.auth.Credentials;

/**
 * What every {@link Authenticator} must do: accept valid credentials as the right user, reject
 * wrong ones (never by throwing), stay out of credentials of kinds it does not handle (so that
 * the next Authenticator is asked), and answer quickly (it runs on SIP and HTTP threads).
 */
public abstract class AuthenticatorContract {

    /** @return the Authenticator under test */
    protected abstract Authenticator authenticator();

    /** @return credentials it must accept */
    protected abstract Credentials valid();

    /** @return the user those credentials prove */
    protected abstract String validUser();

    /** @return credentials of the same kind that it must reject */
    protected abstract Credentials invalid();

    /** @return credentials of a kind it does not handle (it must answer empty) */
    protected abstract Credentials foreign();

    private Optional<AuthResult> check(Credentials c) {
        return assertTimeoutPreemptively(Duration.ofMillis(500), () -> authenticator().authenticate(c),
                "an Authenticator answers at once (cache keys; no fetch per request)");
    }

    @Test
    public void validCredentialsAreAcceptedAsTheirUser() {
        Optional<AuthResult> r = check(valid());
        assertTrue(r.isPresent(), "it handles its own kind of credentials");
        assertEquals(AuthResult.accepted(validUser()), r.get());
    }

    @Test
    public void invalidCredentialsAreRejectedNotThrown() {
        Optional<AuthResult> r = assertDoesNotThrow(() -> check(invalid()));
        assertTrue(r.isPresent(), "it handles its own kind of credentials");
        assertFalse(r.get().accepted(), "rejected: " + r.get());
    }

    @Test
    public void credentialsOfAnotherKindAreLeftToOthers() {
        assertEquals(Optional.empty(), check(foreign()));
    }
}
