package org.switchboard.api.media;

/** Why a leg ended. */
public enum LegEndReason {
    /** {@link MediaLeg#close()} was called. */
    CLOSED,
    /** The peer sent nothing for the RTP timeout: the call should be hung up. */
    RTP_TIMEOUT,
    /** The engine stopped, or the leg failed. */
    FAILED
}
