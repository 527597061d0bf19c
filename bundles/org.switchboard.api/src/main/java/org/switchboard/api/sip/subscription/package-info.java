/**
 * SIP event packages (RFC 6665) served by plugins: a bundle registers an
 * {@link org.switchboard.api.sip.subscription.EventPackage} for a package name such as
 * {@code message-summary}, {@code presence} or {@code as-feature-event}, and the core keeps
 * the subscriptions for it: it authenticates the subscriber, answers the SUBSCRIBE, sends the
 * first NOTIFY, handles refreshes, expiry and unsubscription, and terminates subscriptions
 * whose subscriber is gone (481, timeout). The plugin supplies only the bodies, and calls
 * {@link org.switchboard.api.sip.subscription.Notifier#changed} when the state changes.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.sip.subscription;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
