/**
 * The prompts applications play: recorded sentences by name, with an installation's own
 * recordings in {@code etc/prompts} taking precedence over the bundled set.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.prompts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
