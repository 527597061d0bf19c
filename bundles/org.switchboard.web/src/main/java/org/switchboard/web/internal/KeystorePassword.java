package org.switchboard.web.internal;

import java.nio.file.Path;
import org.switchboard.api.tls.TlsIdentity;

/**
 * What goes into Pax Web's configuration as the key store password: a reference to the file
 * that holds it ({@code $[secret:<path relative to etc/>]}, resolved by Configuration Admin's
 * interpolation plugin whose secrets folder is {@code etc/}), never the password itself when
 * that can be avoided.
 *
 * <ul>
 * <li>Generated identity: the password itself, in a Pax Web configuration file made owner-only
 *     (0600). A {@code $[secret:...]} reference to {@code etc/secrets/tls.password} was tried:
 *     when Configuration Admin handed the configuration to Pax Web before its interpolation
 *     plugin was up, Jetty got the reference as the password, failed to open the key store and
 *     served nothing, HTTP included (one CI run in two).</li>
 * <li>Configured key store whose {@code keystore.password} is itself a {@code $[...]}
 *     reference: the same reference.</li>
 * <li>Configured key store with a clear password: the clear password (the caller makes the
 *     file owner-only and logs how to fix it).</li>
 * </ul>
 */
record KeystorePassword(String value, boolean isReference) {
    static final String GENERATED_PASSWORD_FILE = "tls.password";

    static KeystorePassword of(TlsIdentity identity, Path etc, String configuredRaw) {
        if (!identity.selfSigned() && configuredRaw != null && configuredRaw.startsWith("$[") && configuredRaw.endsWith("]")) {
            return new KeystorePassword(configuredRaw, true);
        }
        return new KeystorePassword(new String(identity.password()), false);
    }
}
