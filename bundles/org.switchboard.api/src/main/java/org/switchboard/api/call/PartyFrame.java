package org.switchboard.api.call;

import org.switchboard.api.media.AudioFrame;

/**
 * 20 ms of one party's audio in a tapped call.
 *
 * @param party whose voice it is
 * @param frame the audio
 */
public record PartyFrame(Party party, AudioFrame frame) {

    /** Who is speaking. */
    public enum Party {
        /** The caller (what the caller's phone sends). */
        CALLER,
        /** What the caller hears: the connected user or agent, or the application's prompts before that. */
        CALLED
    }
}
