package org.switchboard.api.directory;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user of the platform: a person or device that registers and places calls.
 *
 * @param username the extension or user name, the user part of the address of record
 * @param displayName the name shown to callees, may be empty
 * @param email where notifications go, may be empty
 */
public record UserAccount(String username, String displayName, String email) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    /** Checks the fields and replaces {@code null} names by empty strings. */
    public UserAccount {
        Objects.requireNonNull(username, "username");
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("invalid username '" + username
                    + "': use 1-64 letters, digits, '.', '_', '+' or '-', starting with a letter or digit");
        }
        displayName = displayName == null ? "" : displayName;
        email = email == null ? "" : email;
    }

    /**
     * @param username a candidate user name
     * @return whether it can name a user (and be the user part of a SIP URI unescaped)
     */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }
}
