package org.switchboard.ivr.internal;

/** What a digit of a menu does. */
sealed interface Action {

    /** Calls a user or a number through the dial plan and connects the caller ({@code user:}, {@code number:}). */
    record Connect(String target) implements Action {
    }

    /** Passes the call to another application ({@code application:<name>[:<argument>]}). */
    record HandOver(String application, String argument) implements Action {
    }

    /** Asks for a number (terminated by #) and connects the caller to it ({@code dial}). */
    record Dial() implements Action {
    }

    /** Goes to another menu ({@code menu:<name>}). */
    record Submenu(String name) implements Action {
    }

    /** Plays the menu again ({@code repeat}). */
    record Repeat() implements Action {
    }

    /** Says goodbye and hangs up ({@code hangup}). */
    record Hangup() implements Action {
    }

    /**
     * @param text the configured value, e.g. {@code user:bob}, {@code application:meetings:8123}
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    static Action parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon).strip();
        String arg = colon < 0 ? "" : t.substring(colon + 1).strip();
        Action a = switch (kind) {
            case "user", "number" -> arg.isEmpty() ? null : new Connect(arg);
            case "application" -> application(arg);
            case "menu" -> arg.isEmpty() ? null : new Submenu(arg);
            case "dial" -> colon < 0 ? new Dial() : null;
            case "repeat" -> colon < 0 ? new Repeat() : null;
            case "hangup" -> colon < 0 ? new Hangup() : null;
            default -> null;
        };
        if (a == null) {
            throw new IllegalArgumentException("'" + t + "' is not an action; write user:<name>, number:<number>, "
                    + "application:<name>[:<argument>], menu:<name>, dial, repeat or hangup");
        }
        return a;
    }

    private static Action application(String arg) {
        int colon = arg.indexOf(':');
        String name = colon < 0 ? arg : arg.substring(0, colon).strip();
        return name.isEmpty() ? null : new HandOver(name, colon < 0 ? "" : arg.substring(colon + 1).strip());
    }
}
