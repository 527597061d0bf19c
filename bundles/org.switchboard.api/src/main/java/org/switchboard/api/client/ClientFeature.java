package org.switchboard.api.client;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One softphone feature that the server has installed, registered as an OSGi service by the
 * bundle that serves it. While the service is registered, {@code GET /api/client-config}
 * lists it as {@code {"id": "<id>", "settings": {...}}} and the softphone shows the panel of the
 * client module with that id; when the service goes away (its bundle stops or its Karaf
 * feature is uninstalled), the entry goes and the panel with it.
 *
 * <p>Both methods are called on every client-config request, from any thread: return what the
 * bundle already holds, without I/O.
 */
@ConsumerType
public interface ClientFeature {

    /**
     * @return the feature's id, unique among client features: lower-case letters, digits and
     *     {@code -}, e.g. {@code meetings} or {@code voicemail}. The softphone module with the
     *     same id draws the panel; an id no module knows is listed and ignored by the client.
     */
    String id();

    /**
     * @return what the client module needs to draw its panel (for example the meeting room
     *     numbers), as JSON-friendly values: strings, numbers, booleans; empty by default. It
     *     is sent to every client that asks, before login: never put a secret here.
     */
    default Map<String, Object> settings() {
        return Map.of();
    }
}
