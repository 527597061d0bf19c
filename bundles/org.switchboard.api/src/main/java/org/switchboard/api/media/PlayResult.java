package org.switchboard.api.media;

/**
 * How a playback ended.
 *
 * @param end why it ended
 * @param digit the digit that interrupted it, or {@code 0}
 */
public record PlayResult(End end, char digit) {

    /** Why a playback ended. */
    public enum End {
        /** Every prompt was played. */
        COMPLETED,
        /** A DTMF digit interrupted it (barge-in). */
        DTMF,
        /** It was stopped, or replaced by another playback. */
        STOPPED,
        /** The leg ended. */
        LEG_ENDED
    }
}
