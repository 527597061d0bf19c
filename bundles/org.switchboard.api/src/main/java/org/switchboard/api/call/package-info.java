/**
 * Following calls one did not start: the call events ({@link org.switchboard.api.event.Topics}
 * {@code org/switchboard/call/*}, with a stable {@code call.id}) say when a call starts, rings, is
 * answered and ends; {@link org.switchboard.api.call.CallTaps} taps the audio of a call whose media
 * passes through the platform, each party separately (recording, agent assist).
 */
@Export
@Version("1.0.0")
package org.switchboard.api.call;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
