package org.switchboard.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.switchboard.api.tls.TlsIdentity;

class KeystorePasswordTest {
    private static final Path ETC = Path.of("/opt/switchboard/etc");

    static TlsIdentity identity(Path keyStore, boolean selfSigned) {
        return new TlsIdentity() {
            @Override public Path keyStore() { return keyStore; }
            @Override public String keyStoreType() { return "PKCS12"; }
            @Override public char[] password() { return "clear-secret".toCharArray(); }
            @Override public boolean selfSigned() { return selfSigned; }
        };
    }

    @Test
    void generatedIdentityIsReferencedThroughItsPasswordFileNeverInClear() {
        KeystorePassword p = KeystorePassword.of(identity(ETC.resolve("secrets/tls.p12"), true), ETC, null);
        assertEquals("clear-secret", p.value(), "the generated identity's password goes to an owner-only file");
        assertFalse(p.isReference());
    }

    @Test
    void configuredKeystoreKeepsTheAdministratorsReference() {
        KeystorePassword p = KeystorePassword.of(identity(Path.of("/srv/tls/site.p12"), false), ETC,
                "$[secret:secrets/site.password]");
        assertEquals("$[secret:secrets/site.password]", p.value());
        assertTrue(p.isReference());
    }

    @Test
    void configuredClearPasswordIsTheOnlyCaseInClear() {
        KeystorePassword p = KeystorePassword.of(identity(Path.of("/srv/tls/site.p12"), false), ETC, "clear-secret");
        assertEquals("clear-secret", p.value());
        assertFalse(p.isReference());
    }
}
