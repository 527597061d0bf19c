package org.switchboard.api.directory;

import java.util.Objects;

/**
 * A stored digest credential: HA1 for one realm and algorithm.
 *
 * @param realm the protection realm the hash was made for
 * @param algorithm the digest algorithm
 * @param hash the lower-case hex value of H(username:realm:password)
 */
public record Ha1(String realm, DigestAlgorithm algorithm, String hash) {
    /** Checks the fields. */
    public Ha1 {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hash, "hash");
    }
}
