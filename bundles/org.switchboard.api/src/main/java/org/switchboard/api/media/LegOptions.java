package org.switchboard.api.media;

import java.time.Duration;
import java.util.List;

/**
 * Options of a new leg.
 *
 * @param label a label for logs, such as the SIP Call-ID; may be null
 * @param codecs codec names we accept, most preferred first, such as {@code opus}, {@code PCMU},
 *     {@code PCMA}; when answering, the offer's order decides among them. The engine only uses
 *     those it has enabled (its configuration); an empty list means all of them (since 1.2)
 * @param rtpTimeout how long without any packet from the peer ends the leg; null for the
 *     engine's configured default, {@link Duration#ZERO} for never
 */
public record LegOptions(String label, List<String> codecs, Duration rtpTimeout) {

    public LegOptions {
        codecs = List.copyOf(codecs);
    }

    /**
     * @param label a label for logs
     * @return the engine's enabled codecs (an empty list; before 1.2: PCMU and PCMA), the engine's
     *     default timeout
     */
    public static LegOptions defaults(String label) {
        return new LegOptions(label, List.of(), null);
    }
}
