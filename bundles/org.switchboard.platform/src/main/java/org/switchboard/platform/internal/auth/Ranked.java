package org.switchboard.platform.internal.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Services in whiteboard order: the highest {@code service.ranking} first, then the oldest
 * ({@code service.id}). Reads take a snapshot without locking.
 *
 * @param <S> the service type
 */
final class Ranked<S> {
    private record Entry<S>(S service, int ranking, long id) {
    }

    private volatile List<Entry<S>> entries = List.of();

    synchronized void add(S service, Map<String, Object> props) {
        List<Entry<S>> l = new ArrayList<>(entries);
        l.add(new Entry<>(service, props.get("service.ranking") instanceof Integer i ? i : 0,
                props.get("service.id") instanceof Long id ? id : Long.MAX_VALUE));
        l.sort(Comparator.<Entry<S>>comparingInt(e -> -e.ranking()).thenComparingLong(Entry::id));
        entries = List.copyOf(l);
    }

    synchronized void remove(S service) {
        entries = entries.stream().filter(e -> e.service() != service).toList();
    }

    List<S> all() {
        return entries.stream().map(Entry::service).toList();
    }
}
