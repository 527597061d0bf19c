package org.switchboard.platform.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class KeyStoreSourceTest {
    private final List<Object> registered = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearEtc() {
        System.clearProperty("karaf.etc");
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, args) -> {
                    if (m.getName().equals("registerService")) {
                        registered.add(args[1]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (r, rm, rargs) -> {
                                    if (rm.getName().equals("unregister")) {
                                        registered.remove(args[1]);
                                    }
                                    return null;
                                });
                    }
                    return null;
                });
    }

    static KeyStoreSource.Config config(String keystore, boolean rsa) {
        return new KeyStoreSource.Config() {
            @Override public Class<? extends Annotation> annotationType() { return KeyStoreSource.Config.class; }
            @Override public String keystore() { return keystore; }
            @Override public String keystore_password() { return "pw"; }
            @Override public String keystore_type() { return "PKCS12"; }
            @Override public boolean generate_rsa() { return rsa; }
        };
    }

    @Test
    void generatedKeyStoreIsOfferedOnlyWhenCompleteAndReusedAtTheNextStart(@TempDir Path etc) throws Exception {
        System.setProperty("karaf.etc", etc.toString());
        KeyStoreSource first = new KeyStoreSource(config("", false), context());
        first.deactivate(); // joins the generator: the files are whole and it had registered
        assertTrue(registered.isEmpty(), "unregistered at deactivation");
        Path p12 = etc.resolve("secrets/tls.p12");
        assertTrue(Files.size(p12) > 0);
        String password = Files.readString(etc.resolve("secrets/tls.password")).trim();

        new KeyStoreSource(config("", false), context());
        assertEquals(1, registered.size(), "an existing key store is offered at once");
        ReadyKeyStore ready = (ReadyKeyStore) registered.get(0);
        assertEquals(p12.toAbsolutePath().normalize(), ready.file());
        assertArrayEquals(password.toCharArray(), ready.password());
        assertTrue(ready.selfSigned());
    }

    @Test
    void anUnreadableConfiguredKeyStoreOffersNothing(@TempDir Path etc) {
        System.setProperty("karaf.etc", etc.toString());
        new KeyStoreSource(config("missing.p12", true), context());
        assertTrue(registered.isEmpty());
    }
}
