package org.switchboard.api.app;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An application that answers calls. Register it as an OSGi service with the property
 * {@value #NAME} (for example {@code echo}, {@code ivr}, {@code meetings}); the dial plan's
 * {@code application:<name>} rules send calls to it. Installing or removing the service
 * while calls run affects only new calls to that name.
 */
@ConsumerType
public interface CallApplication {

    /** The service property that names the application. */
    String NAME = "switchboard.application";

    /**
     * Takes over an answered call. Called on a platform thread that must not block: start
     * media operations and return; the call stays with the application until it ends, is
     * handed to another application or is connected elsewhere.
     *
     * @param call the answered call
     */
    void handle(ApplicationCall call);
}
