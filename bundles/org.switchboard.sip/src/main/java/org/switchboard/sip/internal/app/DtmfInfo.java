package org.switchboard.sip.internal.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads a DTMF digit from the body of a SIP INFO ({@code application/dtmf-relay} or {@code application/dtmf}). */
final class DtmfInfo {
    /** A digit and how long it was pressed. */
    record Digit(char digit, Duration duration) {
    }

    private static final Duration DEFAULT = Duration.ofMillis(160);
    private static final String DIGITS = "0123456789*#ABCD";

    private DtmfInfo() {
    }

    static Optional<Digit> parse(String contentSubType, String body) {
        if (body == null || contentSubType == null) {
            return Optional.empty();
        }
        String type = contentSubType.toLowerCase(Locale.ROOT);
        if ("dtmf".equals(type)) {
            return digit(body.trim(), DEFAULT);
        }
        if (!"dtmf-relay".equals(type)) {
            return Optional.empty();
        }
        String signal = null;
        Duration duration = DEFAULT;
        for (String line : body.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            if ("signal".equals(key)) {
                signal = value;
            } else if ("duration".equals(key)) {
                try {
                    duration = Duration.ofMillis(Math.max(40, Math.min(5000, Long.parseLong(value))));
                } catch (NumberFormatException e) {
                    // keep the default
                }
            }
        }
        return signal == null ? Optional.empty() : digit(signal, duration);
    }

    private static Optional<Digit> digit(String text, Duration duration) {
        if ("10".equals(text) || "11".equals(text)) {
            // RFC 4733 event numbers of * and #, as some phones write them
            return Optional.of(new Digit("10".equals(text) ? '*' : '#', duration));
        }
        if (text.length() != 1) {
            return Optional.empty();
        }
        char c = Character.toUpperCase(text.charAt(0));
        return DIGITS.indexOf(c) >= 0 ? Optional.of(new Digit(c, duration)) : Optional.empty();
    }
}
