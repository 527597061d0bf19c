/**
 * The SIP request-handler seam: a bundle answers a SIP method (for example {@code MESSAGE}) or
 * the {@code PUBLISH} of one event package, for requests addressed to a local user or to the
 * platform itself, without editing the SIP core.
 *
 * <p>The core authenticates the sender first (digest, 407) when it claims a local user, applies
 * the inbound policy to other domains, and only then calls the handler. A handler registers a
 * {@link org.switchboard.api.sip.handler.SipRequestHandler} service with the property
 * {@value org.switchboard.api.sip.handler.SipRequestHandler#METHOD} and, for {@code PUBLISH},
 * {@value org.switchboard.api.sip.handler.SipRequestHandler#EVENT}. SUBSCRIBE is not handled
 * here: see {@link org.switchboard.api.sip.subscription}, where the core keeps the dialogs.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.sip.handler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
