package org.switchboard.api.media;

import org.osgi.annotation.versioning.ProviderType;

/** Two legs that hear each other through the engine. */
@ProviderType
public interface Bridge extends AutoCloseable {

    /** @return the first leg */
    MediaLeg a();

    /** @return the second leg */
    MediaLeg b();

    /** Unbridges the legs; both stay up. Idempotent. */
    @Override
    void close();
}
