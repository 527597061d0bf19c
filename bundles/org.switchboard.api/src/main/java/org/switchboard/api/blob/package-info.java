/** Storage of large binary objects (recordings, greetings) by key, outside the database. */
@Export
@Version("1.0.0")
package org.switchboard.api.blob;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
