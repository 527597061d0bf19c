package org.switchboard.api.call;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.MediaOperation;

/**
 * Taps the audio of anchored calls: those whose media passes through the platform (a call
 * application's, including the calls it connects on to a user or an agent). Calls the proxy
 * relays end to end carry their media directly between the phones and cannot be tapped.
 */
@ProviderType
public interface CallTaps {

    /** @return the Call-IDs ({@code call.id} of the call events) of the anchored calls in progress */
    List<String> anchoredCalls();

    /**
     * Taps one anchored call's audio, each party separately, as decoded 20 ms PCM frames. The
     * consumer runs on the media clock thread and must return quickly (hand the frames to a
     * queue of one's own). The tap ends with the call, or when stopped.
     *
     * @param callId the caller's Call-ID, as {@code call.id} in the call events
     * @param sampleRate 8000 or 16000
     * @param frames receives each party's frames
     * @return the tap, or empty when no anchored call has that id
     * @throws IllegalArgumentException for another sample rate
     */
    Optional<MediaOperation<Void>> tap(String callId, int sampleRate, Consumer<PartyFrame> frames);
}
