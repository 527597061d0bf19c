/**
 * The platform's TLS identity (certificate and key) shared by SIP TLS, WSS and HTTPS.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
