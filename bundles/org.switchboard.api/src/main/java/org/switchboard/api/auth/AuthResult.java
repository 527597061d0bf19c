package org.switchboard.api.auth;

/**
 * What checking credentials found.
 *
 * @param outcome accepted, rejected, or blocked (the source or the pair was blocked before anything was checked)
 * @param user the authenticated user when accepted, else the user claimed (may be null)
 * @param retryAfterSeconds when blocked, how long the block lasts
 */
public record AuthResult(Outcome outcome, String user, long retryAfterSeconds) {

    /** The verdicts. */
    public enum Outcome {
        /** The credentials prove who the client is. */
        ACCEPTED,
        /** Wrong or unknown credentials. */
        REJECTED,
        /** Too many failures from this source (or for this user from it): nothing was checked. */
        BLOCKED
    }

    /** @return an acceptance for the user */
    public static AuthResult accepted(String user) {
        return new AuthResult(Outcome.ACCEPTED, user, 0);
    }

    /** @return a rejection of the claimed user (may be null) */
    public static AuthResult rejected(String user) {
        return new AuthResult(Outcome.REJECTED, user, 0);
    }

    /** @return whether the credentials were accepted */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
