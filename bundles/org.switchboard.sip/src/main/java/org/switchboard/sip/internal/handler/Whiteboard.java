package org.switchboard.sip.internal.handler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services registered under a key (a SIP method, an event package), the highest
 * {@code service.ranking} first and, among equals, the oldest ({@code service.id}), as the OSGi
 * whiteboard ranks them. Lookups are lock-free; changes copy the key's short list.
 *
 * @param <S> the service type
 */
final class Whiteboard<S> {
    private record Ranked<S>(S service, int ranking, long id) {
    }

    private static final Comparator<Ranked<?>> ORDER = Comparator.<Ranked<?>>comparingInt(r -> -r.ranking())
            .thenComparingLong(Ranked::id);

    private final Map<String, List<Ranked<S>>> byKey = new ConcurrentHashMap<>();

    /** @return the key a service property names, normalised; null if it names none */
    static String key(Object property, boolean upperCase) {
        String v = property instanceof String s ? s.trim() : property instanceof String[] a && a.length > 0 ? a[0].trim() : null;
        if (v == null || v.isEmpty()) {
            return null;
        }
        return upperCase ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
    }

    void add(String key, S service, Map<String, Object> props) {
        Ranked<S> r = new Ranked<>(service, props.get("service.ranking") instanceof Integer i ? i : 0,
                props.get("service.id") instanceof Long l ? l : Long.MAX_VALUE);
        byKey.compute(key, (k, old) -> {
            List<Ranked<S>> l = old == null ? new ArrayList<>() : new ArrayList<>(old);
            l.add(r);
            l.sort(ORDER);
            return List.copyOf(l);
        });
    }

    void remove(String key, S service) {
        byKey.computeIfPresent(key, (k, old) -> {
            List<Ranked<S>> l = old.stream().filter(r -> r.service() != service).toList();
            return l.isEmpty() ? null : l;
        });
    }

    /** @return the best service for the key, or null */
    S best(String key) {
        List<Ranked<S>> l = key == null ? null : byKey.get(key);
        return l == null ? null : l.get(0).service();
    }

    /** @return whether any service is registered under the key */
    boolean has(String key) {
        return best(key) != null;
    }
}
