/**
 * Users of the platform and their digest credentials.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.directory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
