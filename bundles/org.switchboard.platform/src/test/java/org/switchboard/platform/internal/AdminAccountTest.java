package org.switchboard.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.directory.DigestAlgorithm;

class AdminAccountTest {

    @Test
    void createsAdminWithHashedGeneratedPasswordOnceAndDropsKarafDefault(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "# comment\nkaraf = karaf,_g_:admingroup\n");
        Path pw = dir.resolve("secrets/admin.password");
        AdminAccount account = new AdminAccount(users, pw, "admin");

        assertTrue(account.ensure());
        String password = Files.readString(pw).trim();
        assertEquals(24, password.length());
        String text = Files.readString(users);
        assertTrue(text.contains("admin = {CRYPT}" + DigestAlgorithm.SHA_256.hash(password) + "{CRYPT},_g_:admingroup"), text);
        assertFalse(text.contains("karaf = karaf"), text);
        assertFalse(text.contains(password), "clear password must not be in users.properties");

        assertFalse(account.ensure(), "second start keeps the existing admin");
        assertEquals(password, Files.readString(pw).trim());
    }

    @Test
    void lostPasswordFileGetsANewPasswordAndTheOldHashIsReplaced(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Path pw = dir.resolve("secrets/admin.password");
        AdminAccount account = new AdminAccount(users, pw, "admin");
        account.ensure();
        String first = Files.readString(pw).trim();
        Files.delete(pw);

        assertTrue(account.ensure());
        String second = Files.readString(pw).trim();
        assertFalse(first.equals(second));
        String text = Files.readString(users);
        assertTrue(text.contains(DigestAlgorithm.SHA_256.hash(second)), text);
        assertFalse(text.contains(DigestAlgorithm.SHA_256.hash(first)), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("admin =")).count());
    }

    @Test
    void generatesSelfSignedKeyStoreThatJavaCanLoad(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("tls.p12");
        SelfSignedCertificate.generate(ks, "secret123".toCharArray());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ks)) {
            store.load(in, "secret123".toCharArray());
        }
        assertTrue(store.isKeyEntry("switchboard"));
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) store.getCertificate("switchboard");
        cert.verify(cert.getPublicKey()); // self-signed
        assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> "127.0.0.1".equals(n.get(1))));
        assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> "localhost".equals(n.get(1))));
    }

    @Test
    void secretsDiffer() {
        assertFalse(SecretFiles.randomSecret(24).equals(SecretFiles.randomSecret(24)));
    }
}
