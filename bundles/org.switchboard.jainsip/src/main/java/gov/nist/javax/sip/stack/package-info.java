/**
 * JAIN-SIP RI 1.3.0-91 (gov.nist.javax.sip.stack), wrapped and exported at the RI's version by this bundle
 * ({@code -exportcontents} in bnd.bnd). The wrapper patches one class here (see the README); the
 * package's API is the RI's, unchanged, so its version stays the RI's.
 */
@Version("1.3.0")
package gov.nist.javax.sip.stack;

import org.osgi.annotation.versioning.Version;
