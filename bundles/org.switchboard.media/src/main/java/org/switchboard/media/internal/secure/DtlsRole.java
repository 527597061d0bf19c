package org.switchboard.media.internal.secure;

import java.util.Locale;

/** Which end of the DTLS handshake this side plays, from {@code a=setup} (RFC 5763 section 5, RFC 4145). */
public enum DtlsRole {
    CLIENT, SERVER;

    /**
     * @param remoteSetup the peer's {@code a=setup}, or null
     * @param offerer whether this side made the offer (and so said {@code actpass})
     */
    public static DtlsRole resolve(String remoteSetup, boolean offerer) {
        String setup = remoteSetup == null ? "" : remoteSetup.trim().toLowerCase(Locale.ROOT);
        // Offerer (we said actpass): the answerer chose; a missing setup means active (RFC 4145).
        // Answerer: passive by default (actpass, active or missing); active only when the peer is passive.
        // Both cases come down to: we connect only to a passive peer.
        return setup.equals("passive") ? CLIENT : SERVER;
    }

    /** The {@code a=setup} value this side writes in an answer. */
    public String answerSetup() {
        return this == CLIENT ? "active" : "passive";
    }
}
