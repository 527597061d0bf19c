package org.switchboard.api.sip.subscription;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The bodies of one SIP event package. Registered as a service with the property
 * {@link #EVENT}, e.g. {@code switchboard.sip.event=message-summary}; SUBSCRIBE requests for a
 * package nobody serves are relayed to the resource's devices as before.
 *
 * <p>Methods are called on SIP threads and must not block for long.
 */
@ConsumerType
public interface EventPackage {
    /** Service property: the event package name, e.g. {@code message-summary}. */
    String EVENT = "switchboard.sip.event";

    /** @return the media type of the NOTIFY bodies, e.g. {@code application/simple-message-summary} */
    String contentType();

    /**
     * Whether a subscriber may watch a resource. The default admits a local user watching
     * themselves only; presence-like packages widen it.
     *
     * @param subscription the subscription asked for (not active yet)
     * @return true to accept (200), false to refuse (403)
     */
    default boolean authorize(Subscription subscription) {
        return subscription.subscriber().filter(subscription.resource()::equals).isPresent();
    }

    /**
     * Called for every accepted SUBSCRIBE, the first and each refresh, before its NOTIFY is
     * built; packages whose SUBSCRIBE carries a body (for example {@code as-feature-event}
     * requests) act on it here.
     *
     * @param subscription the subscription
     * @param contentType the SUBSCRIBE body's type, or null without a body
     * @param body the SUBSCRIBE body, empty if none
     */
    default void subscribed(Subscription subscription, String contentType, byte[] body) {
    }

    /**
     * @param subscription the subscription a NOTIFY is about to be sent for
     * @return the current state of its resource, as a body of {@link #contentType()}; empty for none
     */
    byte[] state(Subscription subscription);

    /** @return the subscription duration when the SUBSCRIBE has no Expires, in seconds */
    default int defaultExpires() {
        return 3600;
    }
}
