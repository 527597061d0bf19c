package org.switchboard.api.media;

import java.time.Duration;

/**
 * A finished recording. The WAV is complete whatever the reason.
 *
 * @param target where it was written
 * @param duration its length
 * @param end why it ended
 * @param digit the DTMF digit that ended it, or {@code 0}
 */
public record RecordResult(AudioRef target, Duration duration, End end, char digit) {

    /** Why a recording ended. */
    public enum End {
        /** The peer was silent for {@link RecordOptions#silence()}. */
        SILENCE,
        /** A stop digit arrived. */
        DTMF,
        /** {@link RecordOptions#maxDuration()} was reached. */
        MAX_DURATION,
        /** It was stopped. */
        STOPPED,
        /** The leg ended. */
        LEG_ENDED
    }
}
