package org.switchboard.media.internal.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The security layer of one media leg, between its UDP socket and its RTP/RTCP nodes.
 *
 * <p>Plain RTP legs use {@link PlainRtp}. Secure legs (ICE-lite + DTLS-SRTP, SDES-SRTP) get
 * theirs from a {@link PacketSecurityFactory}, which receives a {@link DatagramSender} so that
 * the layer can send datagrams of its own (STUN responses, DTLS records) through the leg's
 * socket.
 *
 * <p>Threads: {@link #inbound} is called by one I/O thread of the engine at a time per leg;
 * {@link #outbound} is called by the engine's media clock thread. Both are hot paths: avoid
 * allocation where easy. The buffers passed in are owned by the caller and valid only during
 * the call; a returned buffer is read by the caller before the next call on the same side.
 *
 * <p>Lifecycle: the engine creates the layer when a leg is created (before the peer's SDP is
 * known when we make the offer), hands it the peer's attributes with {@link #remote}, puts
 * {@link #local()} into its own SDP, and calls {@link #close()} when the leg ends.
 * The methods with a default body were added after the first three and keep the interface
 * additive.
 */
public interface PacketSecurity {

    /**
     * A datagram from the peer.
     *
     * @param datagram the datagram, position to limit
     * @param from the peer's address
     * @return plain RTP/RTCP to process, or null when it was consumed (STUN, DTLS) or rejected
     */
    ByteBuffer inbound(ByteBuffer datagram, InetSocketAddress from);

    /**
     * Plain RTP/RTCP to send.
     *
     * @param packet the packet, position to limit
     * @param rtcp whether it is RTCP (SRTCP protection) rather than RTP
     * @return the protected packet (SRTP/SRTCP) or the same buffer for plain RTP; null drops it
     */
    ByteBuffer outbound(ByteBuffer packet, boolean rtcp);

    /**
     * @return whether media may flow yet (DTLS handshake done, ICE checked); plain RTP: always true
     */
    boolean ready();

    /**
     * @return the attributes this side puts into its SDP (ICE credentials, fingerprint, setup,
     *     crypto lines); {@link SecurityAttributes#NONE} for plain RTP. Candidates are written
     *     by the engine, which knows its socket and public address.
     */
    default SecurityAttributes local() {
        return SecurityAttributes.NONE;
    }

    /**
     * The peer's attributes, from its offer or its answer; called again on every re-INVITE.
     *
     * @param remote the peer's attributes
     * @param offerer whether this side made the offer (decides the DTLS role with {@code setup})
     */
    default void remote(SecurityAttributes remote, boolean offerer) {
    }

    /**
     * Where media must go when the security layer decides it rather than the SDP: with ICE, the
     * address of the selected (nominated, else latest checked) candidate pair. The engine sends
     * RTP there instead of the SDP's {@code c=}/port, which a browser fills with one candidate
     * among several (or {@code 0.0.0.0:9}).
     *
     * @return the destination, or null to use the SDP address (plain RTP, SDES, ICE before any check)
     */
    default InetSocketAddress remoteAddress() {
        return null;
    }

    /** The leg ended: release keys, timers and handshake state. */
    default void close() {
    }
}
