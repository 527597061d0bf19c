/** Music on hold: what a caller hears while held or waiting, played on a media leg. */
@Export
@Version("1.0.0")
package org.switchboard.api.moh;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
