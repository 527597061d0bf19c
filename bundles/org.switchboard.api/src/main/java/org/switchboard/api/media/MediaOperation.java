package org.switchboard.api.media;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running media primitive (playback, digit collection, recording, tap).
 *
 * @param <T> the result type
 */
@ProviderType
public interface MediaOperation<T> {

    /**
     * @return completes normally with the result once the operation ends, also when it was
     *     stopped or its leg ended (the result says why); exceptionally only on an I/O error
     */
    CompletionStage<T> result();

    /** Stops the operation; the result then completes with a "stopped" reason. Idempotent. */
    void stop();
}
