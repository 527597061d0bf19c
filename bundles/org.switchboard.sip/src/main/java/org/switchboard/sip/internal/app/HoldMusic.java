package org.switchboard.sip.internal.app;

import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;

/**
 * Music on hold in a bridged call: plays to the side that was put on hold until the resume.
 * Not thread-safe: the call guards it.
 */
final class HoldMusic {
    private MediaOperation<Void> playing;

    /** @param moh the music service, or null when none is installed (then nothing plays) */
    void play(MusicOnHold moh, MediaLeg heldSide) {
        if (playing == null && moh != null) {
            playing = moh.play(heldSide);
        }
    }

    void stop() {
        if (playing != null) {
            playing.stop();
            playing = null;
        }
    }
}
