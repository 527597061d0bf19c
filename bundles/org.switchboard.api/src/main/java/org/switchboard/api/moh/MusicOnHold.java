package org.switchboard.api.moh;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;

/**
 * Music on hold: one continuous stream from a configured folder, which every listener joins
 * where it is (as a radio does). The platform uses it when a call it hosts is put on hold;
 * applications use it while callers wait.
 */
@ProviderType
public interface MusicOnHold {

    /**
     * Plays the stream to a leg until the operation is stopped or the leg ends.
     *
     * @param leg the listener
     * @return the running operation; stop it to end the music
     */
    MediaOperation<Void> play(MediaLeg leg);
}
