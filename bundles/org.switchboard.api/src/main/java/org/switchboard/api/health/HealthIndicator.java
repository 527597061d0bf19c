package org.switchboard.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One watched part of the platform, registered as an OSGi service by the bundle that owns it.
 *
 * <p>{@link #check()} is called on every health request (an HTTP probe may come every few
 * seconds), from any thread: it must be cheap and must not block on I/O or on a lock a busy
 * thread holds; report what the part already knows (a counter, a timestamp). A check that
 * throws is reported as {@link Health.Status#DOWN} with the exception in its details.
 */
@ConsumerType
public interface HealthIndicator {

    /**
     * @return a short, stable name, unique among indicators, e.g. {@code sip-udp} or
     *     {@code web}; it names the entry in {@code /api/health}
     */
    String name();

    /** @return the part's health now */
    Health check();
}
