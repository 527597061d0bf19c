package org.switchboard.media.internal.leg;

import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;

/** Collects digits with first-digit and inter-digit timeouts on media time. */
final class DigitCollection extends LegOperation<DigitResult> {
    private final DigitOptions options;
    private final StringBuilder digits = new StringBuilder();
    private long deadline;

    DigitCollection(ClockExecutor clock, DigitOptions options) {
        super(clock);
        this.options = options;
    }

    void start(long now) {
        deadline = now + options.firstDigitTimeout().toMillis();
    }

    void digit(char d, long now) {
        if (done()) {
            return;
        }
        if (options.terminators().indexOf(d) >= 0) {
            finish(new DigitResult(digits.toString(), DigitResult.End.TERMINATOR));
            return;
        }
        digits.append(d);
        if (digits.length() >= options.maxDigits()) {
            finish(new DigitResult(digits.toString(), DigitResult.End.MAX_DIGITS));
        } else {
            deadline = now + options.interDigitTimeout().toMillis();
        }
    }

    void tick(long now) {
        if (!done() && now >= deadline) {
            finish(new DigitResult(digits.toString(), digits.length() == 0
                    ? DigitResult.End.FIRST_DIGIT_TIMEOUT : DigitResult.End.INTER_DIGIT_TIMEOUT));
        }
    }

    @Override
    void stopped() {
        finish(new DigitResult(digits.toString(), DigitResult.End.STOPPED));
    }

    @Override
    void legEnded() {
        finish(new DigitResult(digits.toString(), DigitResult.End.LEG_ENDED));
    }
}
