package org.switchboard.api.media;

/**
 * A negotiated audio codec.
 *
 * @param name the encoding name, such as {@code PCMU}
 * @param payloadType the RTP payload type
 * @param clockRate the RTP clock rate in Hz
 */
public record Codec(String name, int payloadType, int clockRate) {
}
