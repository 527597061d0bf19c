package org.switchboard.sip.internal.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.location.Binding;

/**
 * The registrar's rules (RFC 3261 section 10.3 steps 6-8, RFC 5626 section 6): how a REGISTER
 * changes the bindings of an AOR, or why it is refused. No SIP stack here, only decisions.
 */
public final class RegistrarPolicy {
    /** The outcome of a REGISTER. */
    public sealed interface Result permits Accepted, Rejected {
    }

    /** The new, complete list of bindings. */
    public record Accepted(List<Binding> bindings) implements Result {
    }

    /** A refusal; {@code minExpires} is set for 423. */
    public record Rejected(int status, String reason, int minExpires) implements Result {
    }

    private final int minExpires;
    private final int maxExpires;
    private final int defaultExpires;
    private final int maxContacts;

    public RegistrarPolicy(int minExpires, int maxExpires, int defaultExpires, int maxContacts) {
        this.minExpires = minExpires;
        this.maxExpires = Math.max(maxExpires, minExpires);
        this.defaultExpires = Math.min(Math.max(defaultExpires, minExpires), this.maxExpires);
        this.maxContacts = Math.max(1, maxContacts);
    }

    public Result apply(RegisterRequest req, List<Binding> current, Instant now) {
        if (req.wildcard()) {
            if (!req.contacts().isEmpty() || req.expires() == null || req.expires() != 0) {
                return new Rejected(400, "Wildcard Contact needs Expires: 0 and no other Contact", 0);
            }
            for (Binding b : current) {
                if (outOfOrder(req, b)) {
                    return new Rejected(500, "Out-of-order REGISTER", 0);
                }
            }
            return new Accepted(List.of());
        }
        Map<String, Binding> next = new LinkedHashMap<>();
        current.stream().filter(b -> !b.expiredAt(now)).forEach(b -> next.put(b.key(), b));
        for (ContactRequest c : req.contacts()) {
            int expires = c.expires() != null ? c.expires() : req.expires() != null ? req.expires() : defaultExpires;
            if (expires > 0 && expires < minExpires) {
                return new Rejected(423, "Interval Too Brief", minExpires);
            }
            if (c.q() != null && (c.q() < 0 || c.q() > 1)) {
                return new Rejected(400, "Invalid q-value", 0);
            }
            Binding old = next.get(c.key());
            if (old != null && outOfOrder(req, old)) {
                return new Rejected(500, "Out-of-order REGISTER", 0);
            }
            if (expires == 0) {
                next.remove(c.key());
            } else {
                float q = c.q() != null ? c.q() : 1.0f;
                next.put(c.key(), new Binding(req.aor(), c.uri(), c.instance(), c.regId(), q,
                        now.plusSeconds(Math.min(expires, maxExpires)), req.callId(), req.cseq(), req.path(),
                        req.flow(), req.userAgent()));
            }
        }
        List<Binding> out = new ArrayList<>(next.values());
        if (out.size() > maxContacts) {
            // make room by dropping the bindings that lapse first, never one this REGISTER asked for
            java.util.Set<String> asked = new java.util.HashSet<>();
            req.contacts().forEach(c -> asked.add(c.key()));
            if (asked.size() > maxContacts) {
                return new Rejected(403, "Too Many Contacts (at most " + maxContacts + ")", 0);
            }
            List<Binding> evictable = out.stream().filter(b -> !asked.contains(b.key()))
                    .sorted(Comparator.comparing(Binding::expires)).toList();
            for (int i = 0; out.size() > maxContacts && i < evictable.size(); i++) {
                out.remove(evictable.get(i));
            }
        }
        return new Accepted(out);
    }

    private static boolean outOfOrder(RegisterRequest req, Binding b) {
        return b.callId().equals(req.callId()) && req.cseq() <= b.cseq();
    }
}
