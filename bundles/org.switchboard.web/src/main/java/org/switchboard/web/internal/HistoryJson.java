package org.switchboard.web.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.api.history.CallRecord;
import org.switchboard.api.history.CallRecord.Direction;
import org.switchboard.api.history.CallRecord.Outcome;

/** The JSON form of a call-history entry (web-client/CONTRACT.md). */
final class HistoryJson {
    private HistoryJson() {
    }

    static Map<String, Object> toJson(CallRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(c.id()));
        m.put("direction", c.direction().name().toLowerCase(Locale.ROOT));
        m.put("peer", c.peer());
        m.put("peerName", c.peerName());
        m.put("video", c.video());
        m.put("startedAt", c.startedAt().toString());
        m.put("answeredAt", c.answeredAt() == null ? null : c.answeredAt().toString());
        m.put("endedAt", c.endedAt().toString());
        m.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
        m.put("reason", c.reason());
        return m;
    }

    static CallRecord fromJson(Map<String, Object> m) throws Problem {
        try {
            return new CallRecord(0, enumOf(Direction.class, m, "direction"), text(m, "peer", true),
                    text(m, "peerName", false), Boolean.TRUE.equals(m.get("video")), instant(m, "startedAt", true),
                    instant(m, "answeredAt", false), instant(m, "endedAt", true), enumOf(Outcome.class, m, "outcome"),
                    text(m, "reason", false));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, e.getMessage());
        }
    }

    private static String text(Map<String, Object> m, String field, boolean required) throws Problem {
        Object v = m.get(field);
        if (v == null) {
            if (required) {
                throw new Problem(400, "'" + field + "' is required");
            }
            return "";
        }
        if (!(v instanceof String)) {
            throw new Problem(400, "'" + field + "' must be a string");
        }
        return (String) v;
    }

    private static Instant instant(Map<String, Object> m, String field, boolean required) throws Problem {
        String v = text(m, field, required);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new Problem(400, "'" + field + "' must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, Object> m, String field) throws Problem {
        String v = text(m, field, true);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E e2 : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(e2.name().toLowerCase(Locale.ROOT));
            }
            throw new Problem(400, "'" + field + "' must be one of " + allowed);
        }
    }
}
