package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated self-signed key store ({@code etc/secrets/tls.p12}, password in
 * {@code tls.password}). At first start the keys are made on a thread of their own as soon as
 * the platform bundle starts, so that the store, the dial plan and the media engine start
 * meanwhile instead of after; whoever needs the key store first waits for it in
 * {@link #keyStore()}. Nothing is generated while a key store of one's own is configured.
 */
@Component(service = SelfSignedKeyStore.class, immediate = true, configurationPid = "org.switchboard.tls")
public class SelfSignedKeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedKeyStore.class);
    private static final long WAIT_SECONDS = 120;

    private final Path keyStore;
    private final Path passwordFile;
    private CompletableFuture<char[]> password;

    @Activate
    public SelfSignedKeyStore(GeneratedTlsIdentity.Config config) {
        Path dir = KarafPaths.etc().resolve("secrets").toAbsolutePath().normalize();
        this.keyStore = dir.resolve("tls.p12");
        this.passwordFile = dir.resolve("tls.password");
        modified(config);
    }

    @Modified
    synchronized void modified(GeneratedTlsIdentity.Config config) {
        if (password == null && config.keystore().isBlank()) {
            password = new CompletableFuture<>();
            if (Files.exists(keyStore) && Files.exists(passwordFile)) {
                try {
                    password.complete(SecretFiles.read(passwordFile).toCharArray());
                } catch (IOException e) {
                    password.completeExceptionally(e);
                }
            } else {
                Thread generator = new Thread(this::generate, "switchboard-tls-keygen");
                generator.setDaemon(true);
                generator.start();
            }
        }
    }

    private void generate() {
        try {
            char[] secret = SecretFiles.randomSecret(24).toCharArray();
            SelfSignedCertificate.generate(keyStore, secret);
            SecretFiles.writeOwnerOnly(passwordFile, new String(secret) + "\n");
            LOG.info("Generated a self-signed TLS certificate (ECDSA P-256, and RSA-2048 for older clients) in {} "
                    + "(password in {}). Configure keystore in etc/org.switchboard.tls.cfg to use your own.", keyStore, passwordFile);
            password.complete(secret);
        } catch (IOException | RuntimeException e) {
            password.completeExceptionally(e);
        }
    }

    /** @return the key store file, once it is complete (waits for the first-start generation) */
    Path keyStore() throws IOException {
        await();
        return keyStore;
    }

    /** @return its password (waits for the first-start generation) */
    char[] password() throws IOException {
        return await().clone();
    }

    private char[] await() throws IOException {
        CompletableFuture<char[]> pending;
        synchronized (this) {
            pending = password;
        }
        if (pending == null) {
            throw new IOException("no self-signed key store is generated while org.switchboard.tls configures 'keystore'");
        }
        try {
            return pending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("generating the self-signed TLS certificate in " + keyStore + " failed: "
                    + e.getCause() + ". Fix the permissions of " + keyStore.getParent()
                    + ", or configure keystore in etc/org.switchboard.tls.cfg", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the self-signed TLS certificate was not generated within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the TLS certificate was generated", e);
        }
    }

    /** A generation in progress finishes (the files are written whole) before the bundle stops. */
    @Deactivate
    void deactivate() {
        try {
            await();
        } catch (IOException e) {
            // reported to whoever needed the key store
        }
    }
}
