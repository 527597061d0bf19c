/**
 * Per-user call history: the calls a user placed and received, as their softphone or any
 * other client reports them, kept by the platform so that they survive logout and a change
 * of device.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.history;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
