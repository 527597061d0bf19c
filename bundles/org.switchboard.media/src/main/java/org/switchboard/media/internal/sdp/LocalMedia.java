package org.switchboard.media.internal.sdp;

import java.util.List;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * What we put in our SDP.
 *
 * @param address the address to advertise (the public address when behind NAT)
 * @param port our RTP port (RTCP on port + 1 without rtcp-mux)
 * @param sessionId the {@code o=} session id
 * @param version the {@code o=} version, incremented for each new description
 * @param codecs the codec names we accept, preferred first
 * @param security our ICE credentials, fingerprint, setup and crypto lines
 */
public record LocalMedia(String address, int port, long sessionId, long version, List<String> codecs,
        SecurityAttributes security) {
}
