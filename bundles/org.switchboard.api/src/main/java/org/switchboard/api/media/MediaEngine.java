package org.switchboard.api.media;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Terminates the media of calls: every leg has its own UDP port (plain RTP, or ICE + DTLS-SRTP
 * for browsers), and every leg is driven by one shared 20 ms media clock.
 */
@ProviderType
public interface MediaEngine {

    /**
     * Answers a remote offer (an incoming INVITE with SDP).
     *
     * @param offerSdp the peer's offer
     * @param options per-leg options
     * @return the new leg; its {@link MediaLeg#localSdp()} is the answer to send back
     * @throws MediaException with status 488 if nothing in the offer is acceptable, 503 if
     *     no port is free
     */
    SignalledLeg answer(String offerSdp, LegOptions options);

    /**
     * Makes an offer (an outgoing INVITE, or an INVITE without SDP that we answer with an offer).
     * Pass the peer's answer to {@link MediaLeg#update(String)}.
     *
     * @param options per-leg options
     * @return the new leg; its {@link MediaLeg#localSdp()} is the offer
     * @throws MediaException with status 503 if no port is free
     */
    SignalledLeg offer(LegOptions options);

    /**
     * Makes an offer in a transport profile (an outgoing INVITE). Pass the peer's answer to
     * {@link MediaLeg#update(String)}.
     * <ul>
     *   <li>{@code RTP/AVP}: plain RTP, as {@link #offer(LegOptions)};</li>
     *   <li>{@code RTP/SAVP}: SRTP keyed by SDES ({@code a=crypto});</li>
     *   <li>{@code UDP/TLS/RTP/SAVPF}: for browsers, ICE-lite + DTLS-SRTP ({@code a=setup:actpass},
     *       fingerprint, BUNDLE, rtcp-mux).</li>
     * </ul>
     * The default implementation accepts {@code RTP/AVP} only.
     *
     * @param options per-leg options
     * @param profile the transport profile of the offer's {@code m=audio} line
     * @return the new leg; its {@link MediaLeg#localSdp()} is the offer
     * @throws MediaException with status 488 if the engine cannot offer this profile, 503 if
     *     no port is free
     * @since 1.1
     */
    default SignalledLeg offer(LegOptions options, String profile) {
        if (!"RTP/AVP".equals(profile)) {
            throw new MediaException(488, "This media engine offers RTP/AVP only, not " + profile);
        }
        return offer(options);
    }

    /**
     * Creates an empty N-party conference.
     *
     * @param name a label for logs and statistics
     * @return the conference, open until {@link Conference#close()}
     */
    Conference conference(String name);

    /**
     * Bridges two legs: each hears the other, and the media stays anchored in the engine so
     * that recording and taps keep working. A leg is in at most one bridge or conference.
     *
     * @param a one leg
     * @param b the other leg
     * @return the bridge, until {@link Bridge#close()} or either leg ends
     * @throws MediaException with status 409 if a leg is already bridged or in a conference
     */
    Bridge bridge(MediaLeg a, MediaLeg b);
}
