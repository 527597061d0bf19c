package org.switchboard.api.media;

import org.osgi.annotation.versioning.ProviderType;

/** A registered listener; closing it removes the listener. */
@ProviderType
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
