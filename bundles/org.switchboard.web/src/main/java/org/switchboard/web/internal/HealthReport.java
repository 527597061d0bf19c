package org.switchboard.web.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.health.Health;
import org.switchboard.api.health.HealthIndicator;

/**
 * Every indicator's health at one moment, sorted by name, and the verdict: UP only when every
 * indicator is UP. An indicator that throws (or returns null) counts as DOWN, so a broken
 * plugin can never make the platform look healthy, nor break the report.
 *
 * @param up whether every entry is UP
 * @param entries one per indicator
 */
public record HealthReport(boolean up, List<Entry> entries) {

    /** One indicator's name and health. */
    public record Entry(String name, Health health) {
    }

    static HealthReport of(Collection<HealthIndicator> indicators) {
        List<Entry> entries = new ArrayList<>();
        for (HealthIndicator indicator : indicators) {
            entries.add(new Entry(nameOf(indicator), checkOf(indicator)));
        }
        entries.sort(Comparator.comparing(Entry::name));
        return new HealthReport(entries.stream().allMatch(e -> e.health().isUp()), List.copyOf(entries));
    }

    /** @return the entries with this name only (empty when no indicator has it) */
    HealthReport only(String name) {
        List<Entry> mine = entries.stream().filter(e -> e.name().equals(name)).toList();
        return new HealthReport(mine.stream().allMatch(e -> e.health().isUp()), mine);
    }

    Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", e.name());
            item.put("status", e.health().status().name());
            item.put("details", e.health().details());
            list.add(item);
        }
        body.put("indicators", list);
        return body;
    }

    private static String nameOf(HealthIndicator indicator) {
        try {
            String name = indicator.name();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException | LinkageError e) {
            // reported under the class name below
        }
        return indicator.getClass().getName();
    }

    private static Health checkOf(HealthIndicator indicator) {
        try {
            Health health = indicator.check();
            return health != null ? health : Health.down(Map.of("error", "check() returned null"));
        } catch (RuntimeException | LinkageError e) { // LinkageError: its bundle is being uninstalled
            return Health.down(Map.of("error", String.valueOf(e)));
        }
    }
}
