package org.switchboard.api.media;

/**
 * 20 ms of decoded mono 16-bit PCM from a {@link MediaLeg#tap tap}. The array is the
 * consumer's to keep.
 *
 * @param legId the leg
 * @param direction whether the leg received or sent it
 * @param sampleRate 8000 or 16000
 * @param samples the samples (160 at 8 kHz, 320 at 16 kHz)
 * @param timestamp the media clock tick, in milliseconds since the leg started
 */
public record AudioFrame(String legId, Direction direction, int sampleRate, short[] samples, long timestamp) {

    /** Which way the audio went. */
    public enum Direction {
        /** From the peer. */
        RECEIVED,
        /** To the peer. */
        SENT
    }
}
