/**
 * Fakes of the Switchboard api for unit tests of call applications: a {@link FakeCall}
 * whose {@link FakeLeg} plays at once (or on demand) and answers digit collections from a
 * script, {@link FakeOp} media operations the test completes, and {@link FakePrompts}.
 *
 * <p>Fields are public so that a test can script the fakes and assert on what they recorded;
 * the fakes are single-threaded, like the tests that use them.
 */
@Export
@Version("1.0.0")
package org.switchboard.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
