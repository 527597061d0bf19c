package org.switchboard.api.sip.subscription;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One subscription the core keeps for an {@link EventPackage}. */
@ProviderType
public interface Subscription {

    /** @return a stable identifier, unique on this node */
    String id();

    /** @return the event package, e.g. {@code message-summary} */
    String event();

    /** @return the Event header's {@code id} parameter, or empty */
    Optional<String> eventId();

    /** @return the local user watched (the Request-URI's user part) */
    String resource();

    /** @return the authenticated local user who subscribed, or empty for another domain's subscriber */
    Optional<String> subscriber();

    /** @return the subscriber's URI (the SUBSCRIBE's From) */
    String subscriberUri();

    /** @return when it ends unless refreshed */
    Instant expires();
}
