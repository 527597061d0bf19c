package org.switchboard.api.media;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link MediaLeg} as the SIP side drives it: the offer/answer exchange (RFC 3264), digits that
 * arrive outside the media, and the end of the leg. {@link MediaEngine} hands these out to the
 * signalling; applications only ever see the {@link MediaLeg} part.
 */
@ProviderType
public interface SignalledLeg extends MediaLeg, AutoCloseable {

    /** @return our current SDP: the answer to the last offer, or our offer while unanswered */
    String localSdp();

    /**
     * Applies a new SDP of the peer: the answer to our offer, or a new offer in a re-INVITE
     * (hold: {@code sendonly} or {@code inactive}; resume: {@code sendrecv}; a new address).
     *
     * @param remoteSdp the peer's SDP
     * @return our SDP to send back (the new answer, or the unchanged offer once answered)
     * @throws MediaException with status 488 if the SDP is not acceptable
     */
    String update(String remoteSdp);

    /**
     * Feeds a digit that arrived outside the media, such as a SIP INFO, as if it came in RTP.
     *
     * @param digit 0-9, *, #, A-D
     * @param duration how long it was pressed
     */
    void injectDtmf(char digit, Duration duration);

    /** Ends the leg: frees its port and stops every operation on it. */
    @Override
    void close();
}
