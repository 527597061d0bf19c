package org.switchboard.api.tls;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's TLS identity: a key store holding the private key and certificate chain
 * that SIP over TLS, WSS and HTTPS present. Configured by the administrator or generated
 * (self-signed) at first start.
 */
@ProviderType
public interface TlsIdentity {

    /** @return the key store file */
    Path keyStore();

    /** @return the key store type, {@code PKCS12} or {@code JKS} */
    String keyStoreType();

    /** @return the password of the key store and of its key */
    char[] password();

    /** @return whether the platform generated the certificate (self-signed) */
    boolean selfSigned();
}
