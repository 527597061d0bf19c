package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or makes the platform's key store and offers it as a {@link ReadyKeyStore} service
 * once it is complete: the configured one at once, the generated one
 * ({@code etc/secrets/tls.p12}, password in {@code tls.password}) at once when it exists, else
 * after it has been generated on a thread of its own ({@code switchboard-tls-keygen}). The
 * platform bundle starts before the store, dial plan and media, so at first start the keys are
 * made while those start instead of before SIP.
 */
@Component(service = {}, immediate = true, configurationPid = "org.switchboard.tls")
@Designate(ocd = KeyStoreSource.Config.class)
public class KeyStoreSource {
    private static final Logger LOG = LoggerFactory.getLogger(KeyStoreSource.class);

    @ObjectClassDefinition(name = "Switchboard TLS identity",
            description = "Certificate and key for SIP over TLS, WSS and HTTPS")
    @interface Config {
        @AttributeDefinition(description = "Key store file (PKCS12 or JKS). Empty: generate a self-signed one")
        String keystore() default "";

        @AttributeDefinition(description = "Password of the configured key store and its key; "
                + "$[secret:secrets/<file>] reads it from an owner-only file", type = AttributeType.PASSWORD)
        String keystore_password() default "";

        @AttributeDefinition(description = "Type of the configured key store: PKCS12 or JKS")
        String keystore_type() default "PKCS12";

        @AttributeDefinition(description = "Generated key store only (read at first start): also an RSA-2048 key beside "
                + "the ECDSA P-256 one, for clients that know only RSA suites (RFC 3261's TLS_RSA_WITH_AES_128_CBC_SHA, "
                + "ECDHE_RSA). false saves its generation time at first start")
        boolean generate_rsa() default true;
    }

    private final BundleContext context;
    private Thread generator;
    private volatile ServiceRegistration<ReadyKeyStore> registration;

    @Activate
    public KeyStoreSource(Config config, BundleContext context) {
        this.context = context;
        if (!config.keystore().isBlank()) {
            Path file = KarafPaths.etc().resolve(config.keystore()).toAbsolutePath().normalize();
            if (!Files.isReadable(file)) {
                LOG.error("org.switchboard.tls: keystore={} cannot be read, so SIP over TLS, WSS and HTTPS stay off. "
                        + "Fix the path in etc/org.switchboard.tls.cfg, or leave 'keystore' empty to use a generated "
                        + "self-signed certificate", file);
                return;
            }
            offer(new ReadyKeyStore(file, config.keystore_type(), config.keystore_password().toCharArray(), false));
            return;
        }
        Path dir = KarafPaths.etc().resolve("secrets").toAbsolutePath().normalize();
        Path file = dir.resolve("tls.p12");
        Path passwordFile = dir.resolve("tls.password");
        if (Files.exists(file) && Files.exists(passwordFile)) {
            try {
                offer(new ReadyKeyStore(file, "PKCS12", SecretFiles.read(passwordFile).toCharArray(), true));
            } catch (IOException e) {
                LOG.error("Cannot read {}: {}. Fix its owner, or delete {} and {} to generate new ones",
                        passwordFile, e.toString(), file, passwordFile);
            }
            return;
        }
        boolean rsa = config.generate_rsa();
        generator = new Thread(() -> generate(file, passwordFile, rsa), "switchboard-tls-keygen");
        generator.setDaemon(true);
        generator.start();
    }

    private void generate(Path file, Path passwordFile, boolean rsa) {
        try {
            long start = System.nanoTime();
            char[] secret = SecretFiles.randomSecret(24).toCharArray();
            SelfSignedCertificate.generate(file, secret, rsa);
            SecretFiles.writeOwnerOnly(passwordFile, new String(secret) + "\n");
            LOG.info("Generated a self-signed TLS certificate (ECDSA P-256{}) in {} (password in {}) in {} ms. "
                    + "Configure keystore in etc/org.switchboard.tls.cfg to use your own.",
                    rsa ? ", and RSA-2048 for older clients" : "", file, passwordFile, (System.nanoTime() - start) / 1_000_000);
            offer(new ReadyKeyStore(file, "PKCS12", secret, true));
        } catch (IOException | RuntimeException e) {
            LOG.error("Generating the self-signed TLS certificate in {} failed: {}. SIP over TLS, WSS and HTTPS stay off. "
                    + "Fix the permissions of {}, or configure keystore in etc/org.switchboard.tls.cfg",
                    file, e.toString(), file.getParent());
        }
    }

    /**
     * Called once, by the activating thread or by the generator: no lock is held while the
     * registration starts whatever waited for TLS (SIP, HTTPS).
     */
    private void offer(ReadyKeyStore keyStore) {
        registration = context.registerService(ReadyKeyStore.class, keyStore, null);
    }

    /** A generation in progress finishes (and registers) first, so the files are always whole. */
    @Deactivate
    void deactivate() throws InterruptedException {
        if (generator != null) {
            generator.join();
        }
        ServiceRegistration<ReadyKeyStore> done = registration;
        if (done != null) {
            registration = null;
            done.unregister();
        }
    }
}
