package org.switchboard.api.media;

import java.nio.file.Path;
import java.time.Duration;

/** Audio to play or a place to record to. */
public sealed interface AudioRef {

    /**
     * A WAV file.
     *
     * @param path the file
     */
    record File(Path path) implements AudioRef {
    }

    /**
     * A WAV in the {@link org.switchboard.api.blob.BlobStore}.
     *
     * @param key the blob key
     */
    record Blob(String key) implements AudioRef {
    }

    /**
     * Silence (to play only).
     *
     * @param duration how long
     */
    record Silence(Duration duration) implements AudioRef {
    }

    /** @param path a WAV file @return a reference to it */
    static AudioRef file(Path path) {
        return new File(path);
    }

    /** @param key a blob key @return a reference to it */
    static AudioRef blob(String key) {
        return new Blob(key);
    }

    /** @param duration how long @return silence */
    static AudioRef silence(Duration duration) {
        return new Silence(duration);
    }
}
