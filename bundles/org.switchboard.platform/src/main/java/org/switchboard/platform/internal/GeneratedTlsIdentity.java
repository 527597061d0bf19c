package org.switchboard.platform.internal;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.tls.TlsIdentity;

/**
 * The platform's TLS identity: the configured key store, or, when none is configured, a
 * self-signed certificate generated at first start under {@code etc/secrets/}. Registered only
 * once that key store is complete ({@link KeyStoreSource}).
 */
@Component
public class GeneratedTlsIdentity implements TlsIdentity {
    private final ReadyKeyStore keyStore;

    @Activate
    public GeneratedTlsIdentity(@Reference ReadyKeyStore keyStore) {
        this.keyStore = keyStore;
    }

    @Override
    public Path keyStore() {
        return keyStore.file();
    }

    @Override
    public String keyStoreType() {
        return keyStore.type();
    }

    @Override
    public char[] password() {
        return keyStore.password().clone();
    }

    @Override
    public boolean selfSigned() {
        return keyStore.selfSigned();
    }
}
