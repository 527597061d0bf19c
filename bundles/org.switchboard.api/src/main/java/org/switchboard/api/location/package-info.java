/**
 * Where registered users can be reached: the location store and its bindings (RFC 3261 section 10).
 */
@Export
@Version("1.1.0")
package org.switchboard.api.location;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
