package org.switchboard.testing;

import java.nio.file.Path;
import java.util.Optional;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.AudioRef;

/** {@link Prompts} in which every prompt exists, as {@code /prompts/<name>.wav}; digit prompts as {@code digit-<d>}. */
public final class FakePrompts implements Prompts {
    @Override
    public Optional<AudioRef> find(String application, String name) {
        return Optional.of(AudioRef.file(Path.of("/prompts", name + ".wav")));
    }

    @Override
    public Optional<AudioRef> digit(char digit) {
        return find("", "digit-" + digit);
    }
}
