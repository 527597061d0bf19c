/**
 * Call applications: services that answer calls inside the platform (echo test, IVR,
 * meetings, voicemail, queues). The SIP bundle hosts each one as a user agent: it answers
 * the call with SDP from the {@link org.switchboard.api.media.MediaEngine}, handles
 * re-INVITE, hold, BYE and CANCEL, and hands the application an {@link ApplicationCall}.
 * The dial plan maps numbers to applications by name.
 */
@Export
@Version("2.0.0")
package org.switchboard.api.app;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
