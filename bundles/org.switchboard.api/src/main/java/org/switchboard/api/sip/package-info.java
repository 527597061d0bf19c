/**
 * What the SIP core tells other bundles about itself: the domains it serves.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.sip;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
