package org.switchboard.api.media;

import java.time.Duration;

/**
 * How to record.
 *
 * @param target a {@link AudioRef.File} or {@link AudioRef.Blob}
 * @param maxDuration the longest recording
 * @param silence recording ends after this much continuous silence; null for never
 * @param stopDigits DTMF digits that end the recording, such as {@code "#"}; empty for none
 */
public record RecordOptions(AudioRef target, Duration maxDuration, Duration silence, String stopDigits) {

    public RecordOptions {
        if (target instanceof AudioRef.Silence) {
            throw new IllegalArgumentException("cannot record to silence");
        }
        stopDigits = stopDigits == null ? "" : stopDigits;
    }
}
