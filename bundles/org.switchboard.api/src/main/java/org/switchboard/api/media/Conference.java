package org.switchboard.api.media;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An N-party audio mix: each participant hears the sum of all others, but not itself.
 * A participant leaves when removed or when its leg ends.
 */
@ProviderType
public interface Conference extends AutoCloseable {

    /** @return the name given at creation */
    String name();

    /**
     * Adds a participant.
     *
     * @param leg the leg
     * @param muted whether the others hear it
     * @throws MediaException with status 409 if the leg is already bridged or in a conference
     */
    void add(MediaLeg leg, boolean muted);

    /** @param leg a participant to remove; ignored if it is not one */
    void remove(MediaLeg leg);

    /**
     * @param leg a participant
     * @param muted whether the others stop hearing it
     */
    void mute(MediaLeg leg, boolean muted);

    /** @return the participants' leg ids, in join order */
    List<String> participants();

    /**
     * Plays prompts to every participant, mixed over the conversation (join and leave tones).
     *
     * @param prompts what to play
     * @return the operation
     */
    MediaOperation<PlayResult> play(List<AudioRef> prompts);

    /** Removes every participant (their legs stay up) and frees the mix. */
    @Override
    void close();
}
