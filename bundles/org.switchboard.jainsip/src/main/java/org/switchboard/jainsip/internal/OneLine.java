package org.switchboard.jainsip.internal;

/** Turns a parser message into a short single line fit for a reason phrase. */
final class OneLine {
    private OneLine() {
    }

    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "Malformed message";
        }
        String s = message.replaceAll("\\[C@[0-9a-f]+", " ").replaceAll("[\\r\\n\\t]+", " ")
                .replaceAll("[^\\x20-\\x7e]", "?").replaceAll(" {2,}", " ").trim();
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
