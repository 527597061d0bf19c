package org.switchboard.meetings.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.switchboard.api.app.Prompts;
import org.switchboard.api.media.AudioRef;

/** Every prompt exists, as /prompts/<name>.wav. */
final class FakePrompts implements Prompts {
    @Override
    public Optional<AudioRef> find(String application, String name) {
        return Optional.of(AudioRef.file(Path.of("/prompts", name + ".wav")));
    }

    @Override
    public Optional<AudioRef> digit(char digit) {
        return find("", "digit-" + digit);
    }
}
