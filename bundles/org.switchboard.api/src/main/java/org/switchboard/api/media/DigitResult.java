package org.switchboard.api.media;

/**
 * Collected digits.
 *
 * @param digits the digits, without the terminator; may be empty
 * @param end why collection ended
 */
public record DigitResult(String digits, End end) {

    /** Why digit collection ended. */
    public enum End {
        /** {@link DigitOptions#maxDigits()} digits arrived. */
        MAX_DIGITS,
        /** A terminator arrived. */
        TERMINATOR,
        /** No first digit in time. */
        FIRST_DIGIT_TIMEOUT,
        /** No next digit in time. */
        INTER_DIGIT_TIMEOUT,
        /** It was stopped. */
        STOPPED,
        /** The leg ended. */
        LEG_ENDED
    }
}
