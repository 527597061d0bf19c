package org.switchboard.api.prompts;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.AudioRef;

/**
 * The platform's recorded prompts (8 kHz WAV). A prompt is looked up by name, first in the
 * application's own folder {@code etc/prompts/<application>/}, then in {@code etc/prompts/},
 * then in the default English set shipped with the platform.
 */
@ProviderType
public interface Prompts {

    /**
     * @param application the asking application's name, may be empty
     * @param name a prompt name without extension, e.g. {@code enter-room-number}
     * @return the prompt, if any set has it
     */
    Optional<AudioRef> find(String application, String name);

    /**
     * @param digit a digit 0-9, {@code *} or {@code #}
     * @return the prompt that says it
     */
    Optional<AudioRef> digit(char digit);
}
