package org.switchboard.media.internal.sdp;

import java.net.InetSocketAddress;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * The outcome of offer/answer for the audio section.
 *
 * @param codec the audio codec
 * @param payloadType its payload type as negotiated
 * @param telephoneEvent the telephone-event payload type, or -1
 * @param direction our direction
 * @param remoteRtp where to send RTP (null when the peer is on hold with 0.0.0.0)
 * @param remoteRtcp where to send RTCP
 * @param rtcpMux whether RTP and RTCP share the port
 * @param ptime packet time in ms
 * @param profile the transport profile, e.g. {@code RTP/AVP}
 * @param remoteSecurity the peer's ICE/DTLS/SDES attributes
 * @param mid the peer's {@code a=mid}, or null
 */
public record Negotiated(AudioCodec codec, int payloadType, int telephoneEvent, MediaDirection direction,
        InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, boolean rtcpMux, int ptime, String profile,
        SecurityAttributes remoteSecurity, String mid) {

    /** @return the RTP clock rate of the codec (8000 for G.711, 48000 for Opus) */
    public int clockRate() {
        return codec.clockRate();
    }
}
