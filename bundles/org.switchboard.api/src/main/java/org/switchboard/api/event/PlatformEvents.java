package org.switchboard.api.event;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Posts platform events through Event Admin, asynchronously, in the order one caller posted
 * them, from a bounded queue.
 *
 * <p>Implemented by the platform; bundles use it (an optional reference: with no
 * {@code PlatformEvents} the platform still works, it only tells no one).
 */
@ProviderType
public interface PlatformEvents {
    /**
     * Queues an event for delivery to the Event Admin handlers of its topic. Never blocks.
     * {@link EventKeys#TIMESTAMP} is added when missing.
     *
     * @param topic {@code org/switchboard/<area>/<EVENT>}, see {@link Topics}
     * @param properties the event's keys, see {@link EventKeys}; copied
     * @return false when the queue was full and the event was dropped (counted and logged)
     */
    boolean post(String topic, Map<String, ?> properties);
}
