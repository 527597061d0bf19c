package org.switchboard.api.location;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One contact of an address of record, as a registrar keeps it (RFC 3261 section 10.3).
 *
 * @param aor the address of record, {@code sip:user@domain} in canonical form
 * @param contact the contact URI the user agent registered
 * @param instanceId the {@code +sip.instance} value (RFC 5626), empty if none
 * @param regId the {@code reg-id} value (RFC 5626), 0 if none
 * @param q the preference, 0.0 to 1.0
 * @param expires when the binding lapses
 * @param callId the Call-ID of the REGISTER that last refreshed it
 * @param cseq the CSeq number of that REGISTER
 * @param path the Path header values (RFC 3327), outermost first
 * @param flow where the REGISTER came from
 * @param userAgent the User-Agent of the client, empty if unknown
 */
public record Binding(String aor, String contact, String instanceId, int regId, float q, Instant expires,
        String callId, long cseq, List<String> path, Flow flow, String userAgent) {

    /** Checks the fields and copies the path. */
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(flow, "flow");
        instanceId = instanceId == null ? "" : instanceId;
        callId = callId == null ? "" : callId;
        path = path == null ? List.of() : List.copyOf(path);
        userAgent = userAgent == null ? "" : userAgent;
    }

    /**
     * The key that identifies this binding among the others of its AOR: the instance and
     * reg-id when the client sent them (RFC 5626), the contact URI otherwise.
     *
     * @return the binding key
     */
    public String key() {
        return instanceId.isEmpty() ? contact : instanceId + ";reg-id=" + regId;
    }

    /**
     * @param now the current time
     * @return whether the binding has lapsed
     */
    public boolean expiredAt(Instant now) {
        return !expires.isAfter(now);
    }
}
