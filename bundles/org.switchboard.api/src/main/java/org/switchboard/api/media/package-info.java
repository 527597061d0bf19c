/**
 * Media contracts for call applications: a {@link org.switchboard.api.media.MediaEngine}
 * terminates the media of a call as a {@link org.switchboard.api.media.MediaLeg}, and the
 * application drives it with primitives (play, collect digits, record, tap, echo) or joins
 * legs with a {@link org.switchboard.api.media.Conference} or a
 * {@link org.switchboard.api.media.Bridge}.
 *
 * <p>All primitives are asynchronous: they return a {@link org.switchboard.api.media.MediaOperation}
 * whose result completes on an engine thread. Never block in a callback.
 */
@Export
@Version("2.0.0")
package org.switchboard.api.media;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
