package org.switchboard.web.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.tls.TlsIdentity;

/**
 * Turns on Pax Web's HTTPS connector with the platform's TLS identity (the same certificate
 * as SIP over TLS and WSS). Writes {@code org.ops4j.pax.web} only when something differs,
 * because every change restarts the web server.
 *
 * <p>The key store password goes into {@code etc/org.ops4j.pax.web.cfg}, which is then made
 * owner-only (0600), like {@code etc/secrets}. See {@link KeystorePassword}.
 */
@Component(immediate = true)
public class HttpsSetup {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsSetup.class);
    static final String PORT = "org.osgi.service.http.port.secure";

    @Activate
    public HttpsSetup(@Reference TlsIdentity identity, @Reference ConfigurationAdmin admin)
            throws IOException, InvalidSyntaxException {
        Configuration pax = admin.getConfiguration(Pids.PAX_WEB, "?");
        Dictionary<String, Object> current = pax.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (String key : java.util.Collections.list(current.keys())) {
                next.put(key, current.get(key));
            }
        }
        KeystorePassword password = KeystorePassword.of(identity,
                Path.of(System.getProperty("karaf.etc", "etc")).toAbsolutePath().normalize(), tlsConfigPassword(admin));
        boolean changed = false;
        for (Map.Entry<String, String> e : wanted(identity, next.get(PORT), password.value()).entrySet()) {
            if (!Objects.equals(String.valueOf(next.get(e.getKey())), e.getValue())) {
                next.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            pax.update(next);
            LOG.info("HTTPS enabled on port {} with {}", next.get(PORT), identity.keyStore());
        }
        if (!password.isReference()) {
            Object file = next.get("felix.fileinstall.filename");
            CfgFiles.ownerOnly(file);
        }
        if (!password.isReference() && !identity.selfSigned()) {
            LOG.warn("org.switchboard.tls: keystore.password is written in clear in etc/org.switchboard.tls.cfg, so "
                    + "Pax Web's configuration holds it too; that file is now owner-only. Fix: put the password in "
                    + "etc/secrets/<name> (mode 0600) and write keystore.password = $[secret:secrets/<name>]");
        }
    }

    /** The raw (not interpolated) keystore.password of org.switchboard.tls, or null. */
    private static String tlsConfigPassword(ConfigurationAdmin admin) throws IOException, InvalidSyntaxException {
        Configuration[] tls = admin.listConfigurations("(service.pid=" + Pids.TLS + ")");
        if (tls == null || tls.length == 0 || tls[0].getProperties() == null) {
            return null;
        }
        Object value = tls[0].getProperties().get("keystore.password");
        return value == null ? null : String.valueOf(value);
    }

    static Map<String, String> wanted(TlsIdentity identity, Object port, String password) {
        return Map.of(
                "org.osgi.service.http.secure.enabled", "true",
                PORT, port == null ? "8443" : String.valueOf(port),
                "org.ops4j.pax.web.ssl.keystore", identity.keyStore().toString(),
                "org.ops4j.pax.web.ssl.keystore.type", identity.keyStoreType(),
                "org.ops4j.pax.web.ssl.keystore.password", password,
                "org.ops4j.pax.web.ssl.key.password", password,
                "org.ops4j.pax.web.ssl.protocols.included", "TLSv1.2,TLSv1.3");
    }
}
