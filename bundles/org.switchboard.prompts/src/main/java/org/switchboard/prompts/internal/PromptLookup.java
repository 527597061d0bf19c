package org.switchboard.prompts.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a prompt file: {@code <site>/<application>/<name>.wav}, then {@code <site>/<name>.wav},
 * then {@code <defaults>/<name>.wav}. The disk is asked on every lookup, so a prompt dropped
 * into {@code etc/prompts/} is used from the next call on, without a restart.
 */
final class PromptLookup {
    /** Names and application names are single path segments: no separators, no "..". */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final Path site;
    private final Path defaults;

    PromptLookup(Path site, Path defaults) {
        this.site = site;
        this.defaults = defaults;
    }

    Optional<Path> find(String application, String name) {
        if (name == null || !SEGMENT.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String file = name + ".wav";
        if (application != null && SEGMENT.matcher(application).matches() && !application.contains("..")) {
            Optional<Path> own = existing(site.resolve(application).resolve(file));
            if (own.isPresent()) {
                return own;
            }
        }
        return existing(site.resolve(file)).or(() -> existing(defaults.resolve(file)));
    }

    static String digitName(char digit) {
        if (digit >= '0' && digit <= '9') {
            return "digit-" + digit;
        }
        if (digit == '*') {
            return "digit-star";
        }
        if (digit == '#') {
            return "digit-pound";
        }
        return null;
    }

    private static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
