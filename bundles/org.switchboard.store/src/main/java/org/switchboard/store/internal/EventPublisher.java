package org.switchboard.store.internal;

import java.util.Map;
import org.switchboard.api.event.PlatformEvents;

/** The optional {@link PlatformEvents} of a component: posting without one does nothing. */
final class EventPublisher {
    private volatile PlatformEvents events;

    void set(PlatformEvents e) {
        events = e;
    }

    void unset(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    void post(String topic, Map<String, ?> properties) {
        PlatformEvents e = events;
        if (e != null) {
            e.post(topic, properties);
        }
    }
}
