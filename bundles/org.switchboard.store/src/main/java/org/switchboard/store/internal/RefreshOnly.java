package org.switchboard.store.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.switchboard.api.location.Binding;

/**
 * Decides whether new bindings differ from the saved ones only by a refresh the database can
 * miss: same contacts, flows and q-values, and saved expiry times at most a minute behind.
 * Phones that re-register every few seconds then cost no write, and a restart loses at most
 * a minute of expiry time.
 */
final class RefreshOnly {
    static final Duration SLACK = Duration.ofSeconds(60);

    private RefreshOnly() {
    }

    static boolean isRefresh(List<Binding> saved, List<Binding> next) {
        if (saved == null || saved.size() != next.size() || next.isEmpty()) {
            return false;
        }
        Map<String, Binding> byKey = new HashMap<>();
        saved.forEach(b -> byKey.put(b.key(), b));
        for (Binding n : next) {
            Binding s = byKey.get(n.key());
            if (s == null || !s.contact().equals(n.contact()) || !s.flow().equals(n.flow()) || s.q() != n.q()
                    || !s.path().equals(n.path()) || !Objects.equals(s.callId(), n.callId())
                    || s.expires().plus(SLACK).isBefore(n.expires()) || s.expires().isAfter(n.expires())) {
                return false;
            }
        }
        return true;
    }
}
