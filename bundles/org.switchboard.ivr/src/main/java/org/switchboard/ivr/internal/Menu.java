package org.switchboard.ivr.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One voice menu.
 *
 * @param name how other menus and the configuration refer to it
 * @param greeting prompts played once, when the caller enters the menu
 * @param prompt prompts that offer the choices, replayed after a timeout or an invalid digit
 * @param timeout how long to wait for a digit after the prompt
 * @param maxAttempts how many times the prompt is offered before "goodbye"
 * @param digits what each digit does
 * @param invalidPrompt prompts played after a digit the menu does not know
 */
record Menu(String name, List<String> greeting, List<String> prompt, Duration timeout, int maxAttempts,
        Map<Character, Action> digits, List<String> invalidPrompt) {

    static final String DIGITS = "0123456789*#";

    /** The built-in main menu, used when no {@code org.switchboard.ivr.menu} named {@code main} is configured. */
    static final Menu DEFAULT = new Menu("main", List.of("please-hold"), List.of("ivr-welcome"), Duration.ofSeconds(5), 3,
            Map.of('1', new Action.HandOver("meetings", ""), '2', new Action.Dial()), List.of("invalid-choice"));

    /**
     * Reads a menu from its configuration properties.
     *
     * @throws IllegalArgumentException naming the key and what to write instead
     */
    static Menu parse(Map<String, ?> props) {
        String name = string(props.get("name"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: missing; every menu needs a name (main is the one callers enter)");
        }
        List<String> prompt = list(props.get("prompt"));
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt: missing; list the prompt names to play, e.g. ivr-welcome");
        }
        int timeout = number(props, "timeout.seconds", 5, 1, 120);
        int attempts = number(props, "max.attempts", 3, 1, 20);
        Map<Character, Action> digits = new TreeMap<>();
        for (Map.Entry<String, ?> e : props.entrySet()) {
            if (e.getKey().startsWith("digit.")) {
                String d = e.getKey().substring("digit.".length());
                if (d.length() != 1 || DIGITS.indexOf(d.charAt(0)) < 0) {
                    throw new IllegalArgumentException(e.getKey() + ": not a key of the phone; use digit.0 to digit.9, "
                            + "digit.* or digit.#");
                }
                try {
                    digits.put(d.charAt(0), Action.parse(string(e.getValue())));
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException(e.getKey() + ": " + x.getMessage(), x);
                }
            }
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("digit.<d>: none; a menu needs at least one, e.g. digit.1 = user:bob");
        }
        List<String> invalid = props.containsKey("invalid.prompt") ? list(props.get("invalid.prompt"))
                : List.of("invalid-choice");
        return new Menu(name, list(props.get("greeting")), prompt, Duration.ofSeconds(timeout), attempts,
                Map.copyOf(digits), invalid);
    }

    private static int number(Map<String, ?> props, String key, int dflt, int min, int max) {
        String v = string(props.get(key));
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number from " + min + " to " + max);
    }

    static String string(Object v) {
        if (v instanceof String[] a) {
            return String.join(",", a).strip();
        }
        return v == null ? "" : v.toString().strip();
    }

    /** Accepts {@code a,b} as well as a String[] (a .config file's array). */
    static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        Arrays.stream(string(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }
}
