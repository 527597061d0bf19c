package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.tls.TlsIdentity;

/**
 * The platform's TLS identity: the configured key store, or, when none is configured, a
 * self-signed certificate generated at first start under {@code etc/secrets/}.
 */
@Component(configurationPid = "org.switchboard.tls")
@Designate(ocd = GeneratedTlsIdentity.Config.class)
public class GeneratedTlsIdentity implements TlsIdentity {

    @ObjectClassDefinition(name = "Switchboard TLS identity",
            description = "Certificate and key for SIP over TLS, WSS and HTTPS")
    @interface Config {
        @AttributeDefinition(description = "Key store file (PKCS12 or JKS). Empty: generate a self-signed one")
        String keystore() default "";

        @AttributeDefinition(description = "Password of the configured key store and its key", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String keystore_password() default "";

        @AttributeDefinition(description = "Type of the configured key store: PKCS12 or JKS")
        String keystore_type() default "PKCS12";
    }

    private final Path keyStore;
    private final String type;
    private final char[] password;
    private final boolean selfSigned;

    @Activate
    public GeneratedTlsIdentity(Config config, @Reference SelfSignedKeyStore generated) throws IOException {
        if (!config.keystore().isBlank()) {
            keyStore = KarafPaths.etc().resolve(config.keystore()).toAbsolutePath().normalize();
            if (!Files.isReadable(keyStore)) {
                throw new IOException("org.switchboard.tls: keystore=" + keyStore
                        + " cannot be read. Fix the path in etc/org.switchboard.tls.cfg, or leave 'keystore' empty to use a generated self-signed certificate");
            }
            type = config.keystore_type();
            password = config.keystore_password().toCharArray();
            selfSigned = false;
        } else {
            keyStore = generated.keyStore(); // at first start: waits until the keys are made
            type = "PKCS12";
            password = generated.password();
            selfSigned = true;
        }
    }

    @Override
    public Path keyStore() {
        return keyStore;
    }

    @Override
    public String keyStoreType() {
        return type;
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean selfSigned() {
        return selfSigned;
    }
}
