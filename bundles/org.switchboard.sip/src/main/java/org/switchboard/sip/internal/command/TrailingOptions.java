package org.switchboard.sip.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options written after the arguments ({@code sip:user-add alice --password x}), which
 * Karaf's parser would take for extra arguments.
 */
final class TrailingOptions {
    private final Map<String, String> values = new HashMap<>();

    TrailingOptions(List<String> words, Map<String, String> aliases) {
        if (words == null) {
            return;
        }
        Set<String> names = Set.copyOf(aliases.values());
        for (int i = 0; i < words.size(); i++) {
            String name = aliases.getOrDefault(words.get(i), words.get(i));
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unexpected '" + words.get(i) + "'; options are " + names);
            }
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException("option " + words.get(i) + " needs a value");
            }
            values.put(name, words.get(++i));
        }
    }

    /** @return the trailing value of the option, else the value parsed before the arguments */
    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
