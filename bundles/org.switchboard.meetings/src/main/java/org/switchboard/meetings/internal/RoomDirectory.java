package org.switchboard.meetings.internal;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which numbers are rooms: a configured room, or any number in the open range (which gets the
 * defaults: no PIN, not muted on join).
 */
final class RoomDirectory {
    private final Function<String, Optional<RoomSettings>> configured;
    private final String low;
    private final String high;
    private final int defaultMax;

    /**
     * @param configured the configured room of a number, if any
     * @param range the open range, {@code 8000-8999}; empty for configured rooms only
     * @throws IllegalArgumentException if the range is not two numbers of the same length
     */
    RoomDirectory(Function<String, Optional<RoomSettings>> configured, String range, int defaultMax) {
        this.configured = configured;
        this.defaultMax = defaultMax;
        String r = range == null ? "" : range.strip();
        if (r.isEmpty()) {
            low = null;
            high = null;
            return;
        }
        String[] b = r.split("-");
        if (b.length != 2 || !b[0].strip().matches("[0-9]+") || b[0].strip().length() != b[1].strip().length()
                || !b[1].strip().matches("[0-9]+") || b[0].strip().compareTo(b[1].strip()) > 0) {
            throw new IllegalArgumentException("rooms: '" + range + "' is not a range such as 8000-8999 "
                    + "(two numbers of the same length, low first)");
        }
        low = b[0].strip();
        high = b[1].strip();
    }

    Optional<RoomSettings> find(String number) {
        Optional<RoomSettings> c = configured.apply(number);
        if (c.isPresent()) {
            return c;
        }
        boolean inRange = low != null && number.length() == low.length() && number.matches("[0-9]+")
                && number.compareTo(low) >= 0 && number.compareTo(high) <= 0;
        return inRange ? Optional.of(new RoomSettings(number, "", false, defaultMax)) : Optional.empty();
    }
}
