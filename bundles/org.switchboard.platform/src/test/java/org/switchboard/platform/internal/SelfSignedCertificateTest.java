package org.switchboard.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    private static final char[] PASSWORD = "test-password".toCharArray();

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    @Test
    void ecdsaP256FirstAndRsaForOlderClientsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/tls.p12");
        SelfSignedCertificate.generate(file, PASSWORD);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyStore ks = load(file);
        ECPrivateKey ec = (ECPrivateKey) ks.getKey(SelfSignedCertificate.ALIAS, PASSWORD);
        assertEquals(256, ec.getParams().getOrder().bitLength());
        RSAPrivateKey rsa = (RSAPrivateKey) ks.getKey(SelfSignedCertificate.RSA_ALIAS, PASSWORD);
        assertEquals(2048, rsa.getModulus().bitLength());
        X509Certificate cert = (X509Certificate) ks.getCertificate(SelfSignedCertificate.ALIAS);
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
    }

    @Test
    void ecdsaOnlyWhenRsaIsTurnedOff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tls.p12");
        SelfSignedCertificate.generate(file, PASSWORD, false);
        KeyStore ks = load(file);
        assertEquals(java.util.List.of(SelfSignedCertificate.ALIAS), java.util.Collections.list(ks.aliases()));
    }

    /** JSSE picks the key by the negotiated suite: ECDSA for modern clients, RSA for RSA-only ones. */
    @Test
    void serverPresentsTheKeyTheClientCanUse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tls.p12");
        SelfSignedCertificate.generate(file, PASSWORD);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(load(file), PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        assertEquals("EC", handshake(server, "TLSv1.3", null));
        assertEquals("EC", handshake(server, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("RSA", handshake(server, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("RSA", handshake(server, "TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA"));
    }

    private static String handshake(SSLContext server, String protocol, String suite) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledCipherSuites(listener.getSupportedCipherSuites());
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the client reports the outcome
                }
            });
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, new TrustManager[] {new TrustEverything()}, null);
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort())) {
                s.setEnabledProtocols(new String[] {protocol});
                if (suite != null) {
                    s.setEnabledCipherSuites(new String[] {suite});
                }
                s.startHandshake();
                String algorithm = s.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm();
                s.getOutputStream().write(1);
                accepted.get();
                return algorithm;
            }
        }
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
