package org.switchboard.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.Topics;
import org.switchboard.api.location.Binding;

/**
 * The registration events of one change of an address of record's bindings: a contact that is
 * new was ADDED, one registered again REFRESHED, one that is gone REMOVED (unregistered, expired,
 * or replaced by a new flow of the same instance and reg-id, RFC 5626).
 */
final class RegistrationChanges {
    /** An event to post. */
    record Change(String topic, Map<String, Object> properties) {
    }

    private RegistrationChanges() {
    }

    static List<Change> of(List<Binding> before, List<Binding> after, Instant now) {
        List<Change> out = new ArrayList<>();
        Map<String, Binding> old = new HashMap<>();
        if (before != null) {
            before.forEach(b -> old.put(b.contact(), b));
        }
        Map<String, Binding> current = new HashMap<>();
        after.forEach(b -> current.put(b.contact(), b));
        for (Binding b : old.values()) {
            if (!current.containsKey(b.contact())) {
                Map<String, Object> p = properties(b);
                p.put(EventKeys.REASON, b.expiredAt(now) ? "expired" : replaced(b, after) ? "replaced" : "unregistered");
                out.add(new Change(Topics.REGISTRATION_REMOVED, p));
            }
        }
        for (Binding b : after) {
            Binding was = old.get(b.contact());
            if (was == null) {
                out.add(new Change(Topics.REGISTRATION_ADDED, properties(b)));
            } else if (!was.expires().equals(b.expires()) || was.cseq() != b.cseq() || !was.callId().equals(b.callId())) {
                out.add(new Change(Topics.REGISTRATION_REFRESHED, properties(b)));
            }
        }
        return out;
    }

    private static boolean replaced(Binding gone, List<Binding> after) {
        return !gone.instanceId().isEmpty() && after.stream()
                .anyMatch(b -> b.instanceId().equals(gone.instanceId()) && b.regId() == gone.regId());
    }

    static Map<String, Object> properties(Binding b) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventKeys.AOR, b.aor());
        p.put(EventKeys.USER, user(b.aor()));
        p.put(EventKeys.CONTACT, b.contact());
        p.put(EventKeys.EXPIRES, b.expires().getEpochSecond());
        p.put(EventKeys.TRANSPORT, b.flow().transport());
        p.put(EventKeys.SOURCE, b.flow().remoteAddress() + ":" + b.flow().remotePort());
        if (!b.instanceId().isEmpty()) {
            p.put(EventKeys.INSTANCE, b.instanceId());
            p.put(EventKeys.REG_ID, b.regId());
        }
        if (!b.userAgent().isEmpty()) {
            p.put(EventKeys.USER_AGENT, b.userAgent());
        }
        return p;
    }

    /** {@code sip:alice@example.com} → {@code alice}. */
    static String user(String aor) {
        int colon = aor.indexOf(':');
        int at = aor.indexOf('@');
        return aor.substring(colon + 1, at > colon ? at : aor.length());
    }
}
