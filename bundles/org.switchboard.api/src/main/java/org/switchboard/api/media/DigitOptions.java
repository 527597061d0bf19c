package org.switchboard.api.media;

import java.time.Duration;

/**
 * How to collect digits.
 *
 * @param maxDigits collection ends when this many digits are in (the terminator excluded)
 * @param firstDigitTimeout how long to wait for the first digit
 * @param interDigitTimeout how long to wait for each next digit
 * @param terminators digits that end collection and are not part of the result, such as
 *     {@code "#"}; empty for none
 */
public record DigitOptions(int maxDigits, Duration firstDigitTimeout, Duration interDigitTimeout, String terminators) {

    public DigitOptions {
        if (maxDigits < 1) {
            throw new IllegalArgumentException("maxDigits must be at least 1");
        }
        terminators = terminators == null ? "" : terminators;
    }
}
