package org.switchboard.api.media;

import java.time.Duration;

/**
 * A DTMF digit from the peer.
 *
 * @param digit 0-9, *, #, A-D
 * @param duration how long it was pressed
 * @param source how it arrived
 */
public record DtmfEvent(char digit, Duration duration, Source source) {

    /** How a digit arrived. */
    public enum Source {
        /** RFC 4733 telephone-event in RTP. */
        RTP,
        /** Outside the media, such as a SIP INFO. */
        SIGNALLING
    }
}
