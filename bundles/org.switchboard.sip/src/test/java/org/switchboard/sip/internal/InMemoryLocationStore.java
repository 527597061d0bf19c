package org.switchboard.sip.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.LocationStore;

/** A location store in a map, for tests; lookup honours the contract (highest q first). */
public final class InMemoryLocationStore implements LocationStore {
    private final Map<String, List<Binding>> bindings = new LinkedHashMap<>();

    @Override
    public List<Binding> lookup(String aor) {
        List<Binding> out = new ArrayList<>(bindings.getOrDefault(aor, List.of()));
        out.sort(Comparator.comparingDouble(Binding::q).reversed());
        return out;
    }

    @Override
    public void replace(String aor, List<Binding> list) {
        if (list.isEmpty()) {
            bindings.remove(aor);
        } else {
            bindings.put(aor, List.copyOf(list));
        }
    }

    @Override
    public Binding findByContact(String contact) {
        return bindings.values().stream().flatMap(List::stream).filter(b -> b.contact().equals(contact))
                .findFirst().orElse(null);
    }

    @Override
    public Map<String, List<Binding>> all() {
        return Map.copyOf(bindings);
    }

    @Override
    public int purgeExpired(Instant now) {
        int[] n = {0};
        bindings.replaceAll((aor, list) -> {
            List<Binding> live = list.stream().filter(b -> !b.expiredAt(now)).toList();
            n[0] += list.size() - live.size();
            return live;
        });
        bindings.values().removeIf(List::isEmpty);
        return n[0];
    }
}
