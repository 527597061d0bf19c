package org.switchboard.api.sip.handler;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the requests of one SIP method that are addressed to a local user or to the platform.
 * Registered as a service with the property {@link #METHOD} (and {@link #EVENT} for
 * {@code PUBLISH}); among several handlers for the same method, the highest
 * {@code service.ranking} wins. When none is registered, the core behaves as before: it relays
 * the request to the user's devices.
 *
 * <p>Called on a SIP worker thread: answer at once, or keep the request and answer it later
 * from another thread (within 30 s, after which the core answers 500 for the handler). A
 * handler that throws gets its request answered 500, and the exception logged.
 */
@ConsumerType
public interface SipRequestHandler {
    /** Service property: the method handled, in upper case, e.g. {@code MESSAGE}. */
    String METHOD = "switchboard.sip.method";

    /** Service property for {@code PUBLISH}: the event package, e.g. {@code presence}. */
    String EVENT = "switchboard.sip.event";

    /**
     * Handles one request; it must get exactly one final answer through
     * {@link SipRequest#respond}.
     *
     * @param request the request, with its authenticated sender
     */
    void handle(SipRequest request);
}
