package org.switchboard.media.internal.transport;

/**
 * Makes the security layer of secure legs. The security package registers its implementation
 * as a DS component with {@code service = PacketSecurityFactory.class} (a bundle-private
 * service); the engine picks it up dynamically and falls back to {@link PlainRtp} for
 * {@code RTP/AVP} legs.
 */
public interface PacketSecurityFactory {

    /**
     * @param profile an m-line transport profile, e.g. {@code UDP/TLS/RTP/SAVPF} or {@code RTP/SAVP}
     * @return whether this factory secures legs with that profile
     */
    boolean supports(String profile);

    /**
     * Creates the layer of one leg.
     *
     * @param profile the transport profile of the leg
     * @param sender sends the layer's own datagrams through the leg's socket
     * @return a new layer, not yet given the peer's attributes
     */
    PacketSecurity create(String profile, DatagramSender sender);
}
