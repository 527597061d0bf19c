package org.switchboard.media.internal.transport;

import java.util.List;

/**
 * The security-related SDP attributes of one side, as plain data (media or session level
 * merged, media level wins).
 *
 * @param iceUfrag {@code a=ice-ufrag}, or null
 * @param icePwd {@code a=ice-pwd}, or null
 * @param iceLite whether {@code a=ice-lite} is present
 * @param candidates {@code a=candidate} values, without the {@code candidate:} prefix
 * @param fingerprint {@code a=fingerprint} value, e.g. {@code sha-256 AB:CD:...}, or null
 * @param setup {@code a=setup}: {@code actpass}, {@code active}, {@code passive}, or null
 * @param crypto {@code a=crypto} values (SDES), in offer order
 */
public record SecurityAttributes(String iceUfrag, String icePwd, boolean iceLite, List<String> candidates,
        String fingerprint, String setup, List<String> crypto) {

    /** No security attributes at all (plain RTP). */
    public static final SecurityAttributes NONE = new SecurityAttributes(null, null, false, List.of(), null, null, List.of());

    public SecurityAttributes {
        candidates = List.copyOf(candidates);
        crypto = List.copyOf(crypto);
    }
}
