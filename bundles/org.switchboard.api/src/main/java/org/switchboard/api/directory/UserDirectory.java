package org.switchboard.api.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The directory of users and their digest credentials. The platform supplies it; a
 * directory backed by LDAP or an identity provider may replace the built-in JDBC one.
 *
 * <p>Passwords are never stored: callers hand in HA1 hashes, made with
 * {@link DigestAlgorithm#ha1(String, String, char[])}, one for each realm and algorithm.
 */
@ProviderType
public interface UserDirectory {

    /**
     * Creates a user.
     *
     * @param account the user
     * @param credentials HA1 hashes for each realm and algorithm the user may authenticate with
     * @throws IllegalStateException if the user name is taken
     */
    void create(UserAccount account, Collection<Ha1> credentials);

    /**
     * @param username a user name, matched exactly
     * @return the user, if it exists
     */
    Optional<UserAccount> find(String username);

    /** @return every user, ordered by user name */
    List<UserAccount> list();

    /**
     * Replaces every credential of a user.
     *
     * @param username the user
     * @param credentials the new HA1 hashes
     * @return false if the user does not exist
     */
    boolean setCredentials(String username, Collection<Ha1> credentials);

    /**
     * Looks up the credential a digest response must be checked against.
     *
     * @param username the user
     * @param realm the realm of the challenge
     * @param algorithm the algorithm of the challenge
     * @return the stored HA1, empty if the user or that credential does not exist
     */
    Optional<Ha1> credential(String username, String realm, DigestAlgorithm algorithm);

    /**
     * Removes a user and their credentials.
     *
     * @param username the user
     * @return false if the user did not exist
     */
    boolean remove(String username);
}
