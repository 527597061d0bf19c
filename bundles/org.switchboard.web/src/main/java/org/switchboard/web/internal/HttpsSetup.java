package org.switchboard.web.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
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
 */
@Component(immediate = true)
public class HttpsSetup {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsSetup.class);
    static final String PORT = "org.osgi.service.http.port.secure";

    @Activate
    public HttpsSetup(@Reference TlsIdentity identity, @Reference ConfigurationAdmin admin) throws IOException {
        Configuration pax = admin.getConfiguration(Pids.PAX_WEB, "?");
        Dictionary<String, Object> current = pax.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (String key : java.util.Collections.list(current.keys())) {
                next.put(key, current.get(key));
            }
        }
        boolean changed = false;
        for (Map.Entry<String, String> e : wanted(identity, next.get(PORT)).entrySet()) {
            if (!Objects.equals(String.valueOf(next.get(e.getKey())), e.getValue())) {
                next.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            pax.update(next);
            LOG.info("HTTPS enabled on port {} with {}", next.get(PORT), identity.keyStore());
        }
    }

    static Map<String, String> wanted(TlsIdentity identity, Object port) {
        String password = new String(identity.password());
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
