/**
 * Platform events: what happened to registrations, calls and users, as OSGi Event Admin events.
 *
 * <p><b>Receiving.</b> Register an {@code org.osgi.service.event.EventHandler} service with the
 * {@code event.topics} property set to one of the {@link org.switchboard.api.event.Topics}
 * (or a wildcard such as {@link org.switchboard.api.event.Topics#CALL_ANY}). Every event
 * carries the keys of {@link org.switchboard.api.event.EventKeys} that its topic documents, and
 * {@code timestamp} (milliseconds since the epoch) of when it happened.
 *
 * <p><b>Posting.</b> Use the {@link org.switchboard.api.event.PlatformEvents} service rather
 * than Event Admin directly: it never blocks the caller, keeps the order of one publisher's
 * events, and is bounded (an overloaded subscriber loses events, counted and logged, instead
 * of growing a queue without limit). Plugins post under their own area,
 * {@code org/switchboard/<area>/<EVENT>}.
 *
 * <p>Events report; they are not a durable log. A subscriber that must not miss a change (a
 * billing system) reads the store it cares about as well.
 */
@Export
@Version("1.1.0")
package org.switchboard.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
