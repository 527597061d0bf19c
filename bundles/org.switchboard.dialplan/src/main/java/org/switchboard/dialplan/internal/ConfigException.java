package org.switchboard.dialplan.internal;

import java.util.List;

/** A configuration that cannot be used, with every problem found in it (each names its key and the fix). */
final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    ConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem */
    List<String> problems() {
        return problems;
    }
}
