package org.switchboard.api.dialplan;

import java.util.Objects;

/**
 * What happens to a call to a user that does not connect.
 *
 * @param condition when it applies
 * @param afterSeconds for {@link Condition#NO_ANSWER}, how long the user's devices ring
 *        first; 0 for the other conditions
 * @param kind whether the call goes to an application or another number
 * @param target the application's name, or the number (or user name) to call instead,
 *        which is routed through the {@link DialPlan} again
 */
public record Fallback(Condition condition, int afterSeconds, Kind kind, String target) {

    /** When a fallback applies. */
    public enum Condition {
        /** Nobody answered within {@link Fallback#afterSeconds()}. */
        NO_ANSWER,
        /** Every device was busy (486 or 600). */
        BUSY,
        /** The user declined the call (603, or 480 when no device is registered). */
        REJECT
    }

    /** What a fallback leads to. */
    public enum Kind {
        /** A call application, by name (for instance {@code voicemail}). */
        APPLICATION,
        /** Another number or user, routed through the dial plan again. */
        NUMBER
    }

    /** Checks the fields. */
    public Fallback {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (target.isBlank()) {
            throw new IllegalArgumentException("a fallback needs a target");
        }
        if (condition == Condition.NO_ANSWER ? afterSeconds < 1 : afterSeconds != 0) {
            throw new IllegalArgumentException("afterSeconds is above 0 for NO_ANSWER and 0 otherwise");
        }
    }
}
