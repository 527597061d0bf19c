/**
 * Conformance suites that plugins extend (JUnit 5 abstract tests): a plugin's own test class
 * extends {@link org.switchboard.testkit.CallApplicationContract},
 * {@link org.switchboard.testkit.SipRequestHandlerContract} or
 * {@link org.switchboard.testkit.AuthenticatorContract}, supplies the object under test, and
 * inherits the checks every such service must pass in Switchboard.
 */
@Export
@Version("1.0.0")
package org.switchboard.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
