/**
 * Requests that plugins send outside any dialog to every device of a local user: a
 * {@code MESSAGE} to deliver a text, or an unsolicited {@code NOTIFY} (for example a
 * message-waiting indication to phones that do not subscribe).
 */
@Export
@Version("1.0.0")
package org.switchboard.api.sip.send;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
