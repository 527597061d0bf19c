package org.switchboard.api.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health of one part at one moment: a status and details that say why, for example
 * {@code "receiving": true}, {@code "queueDepth": 3}, {@code "lastReceivedMillisAgo": 120}.
 * Detail values should be JSON-friendly: strings, numbers, booleans.
 *
 * @param status UP or DOWN
 * @param details what the part reports, in insertion order; never null, read-only
 */
public record Health(Status status, Map<String, Object> details) {

    /** Whether the part does its job. */
    public enum Status {
        /** Serving. */
        UP,
        /** Not serving: the platform as a whole is reported unavailable (HTTP 503). */
        DOWN
    }

    /**
     * @param status UP or DOWN
     * @param details what the part reports; copied, null keys are not allowed
     */
    public Health {
        Objects.requireNonNull(status, "status");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * @param details what the part reports
     * @return an UP health
     */
    public static Health up(Map<String, Object> details) {
        return new Health(Status.UP, details);
    }

    /**
     * @param details what the part reports, ideally a {@code "reason"}
     * @return a DOWN health
     */
    public static Health down(Map<String, Object> details) {
        return new Health(Status.DOWN, details);
    }

    /** @return whether the status is UP */
    public boolean isUp() {
        return status == Status.UP;
    }
}
