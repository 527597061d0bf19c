package org.switchboard.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks credentials of the kinds it knows. Registered as a service; the {@link AuthService}
 * asks every Authenticator in {@code service.ranking} order (highest first) and takes the first
 * answer. The platform's own checks passwords and digests against the user directory.
 * Authenticators are called on protocol threads and must answer quickly (cache keys, do not
 * fetch per request).
 */
@ConsumerType
public interface Authenticator {

    /**
     * @param credentials what the client presented
     * @return the verdict, or empty when this Authenticator does not handle such credentials
     */
    Optional<AuthResult> authenticate(Credentials credentials);
}
