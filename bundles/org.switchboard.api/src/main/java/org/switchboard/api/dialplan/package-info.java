/**
 * The dial plan: where a dialled number goes. It normalises the number (E.164 for public
 * numbers, extensions and service codes as dialled), then picks a user, a call application,
 * a feature code, a trunk or a rejection, together with the callee's fallbacks (no answer,
 * busy, reject).
 *
 * <p>Call applications are named, not typed: a {@link Decision} of type
 * {@link Decision.Type#APPLICATION} carries the application's name, and the bundle that places
 * the call looks up the application service registered under that name. The dial plan thus
 * works whether or not the application is installed.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.dialplan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
