package org.switchboard.media.internal.leg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;

class DigitCollectionTest {
    private final MediaClock clock = new MediaClock();

    private DigitCollection collect(int max, String terminators) {
        DigitCollection c = new DigitCollection(clock, new DigitOptions(max, Duration.ofSeconds(5), Duration.ofSeconds(2),
                terminators));
        c.start(0);
        return c;
    }

    private static DigitResult result(DigitCollection c) {
        return c.result().toCompletableFuture().getNow(null);
    }

    @Test
    void firstDigitTimeout() {
        DigitCollection c = collect(4, "#");
        c.tick(4980);
        assertEquals(null, result(c));
        c.tick(5000);
        assertEquals(new DigitResult("", DigitResult.End.FIRST_DIGIT_TIMEOUT), result(c));
    }

    @Test
    void interDigitTimeoutStartsAtEachDigit() {
        DigitCollection c = collect(4, "#");
        c.digit('1', 4000);
        c.tick(5500);
        assertEquals(null, result(c));
        c.tick(6000);
        assertEquals(new DigitResult("1", DigitResult.End.INTER_DIGIT_TIMEOUT), result(c));
    }

    @Test
    void terminatorEndsWithoutBeingCollected() {
        DigitCollection c = collect(4, "#");
        c.digit('4', 100);
        c.digit('2', 200);
        c.digit('#', 300);
        assertEquals(new DigitResult("42", DigitResult.End.TERMINATOR), result(c));
    }

    @Test
    void maxDigits() {
        DigitCollection c = collect(2, "");
        c.digit('7', 100);
        c.digit('#', 200);
        assertEquals(new DigitResult("7#", DigitResult.End.MAX_DIGITS), result(c));
    }
}
