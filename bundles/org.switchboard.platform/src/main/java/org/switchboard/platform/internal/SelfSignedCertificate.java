package org.switchboard.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes self-signed certificates (ECDSA P-256 first, RSA-2048 for older clients) for the host
 * in-process (BouncyCastle, which Karaf's SSH already ships), naming the host name, localhost and every local address as subject
 * alternative names.
 */
final class SelfSignedCertificate {
    static final String ALIAS = "switchboard";
    static final String RSA_ALIAS = "switchboard-rsa";

    private SelfSignedCertificate() {
    }

    /**
     * Writes a PKCS12 key store with two self-signed certificates for the same names: ECDSA
     * P-256 (alias {@value #ALIAS}), which TLS 1.3 and ECDHE_ECDSA clients get, and RSA-2048
     * (alias {@value #RSA_ALIAS}) for clients that know only RSA suites (RFC 3261's mandatory
     * TLS_RSA_WITH_AES_128_CBC_SHA, ECDHE_RSA). JSSE's key managers pick the key by the
     * negotiated suite.
     */
    static void generate(Path keyStore, char[] password) throws IOException {
        generate(keyStore, password, true);
    }

    /** @param withRsa false: the ECDSA key only */
    static void generate(Path keyStore, char[] password, boolean withRsa) throws IOException {
        try {
            String host = hostName();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            add(store, ALIAS, ecKeys(), "SHA256withECDSA", KeyUsage.digitalSignature, host, password);
            if (withRsa) {
                add(store, RSA_ALIAS, rsaKeys(), "SHA256withRSA", KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                        host, password);
            }
            if (!Files.isDirectory(keyStore.getParent())) {
                PrivateFolders.createOwnerOnly(keyStore.getParent());
            }
            Path tmp = Files.createTempFile(keyStore.getParent(), keyStore.getFileName().toString(), ".tmp");
            SecretFiles.restrict(tmp); // before the key is written, not after (createTempFile makes it 0600 too)
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, keyStore, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate the self-signed certificate: " + e.getMessage(), e);
        }
    }

    static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        return kpg.generateKeyPair();
    }

    static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        return kpg.generateKeyPair();
    }

    private static void add(KeyStore store, String alias, KeyPair keys, String signature, int usage, String host,
            char[] password) throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name name = new X500Name("CN=" + host.replaceAll("[,=+<>#;\"\\\\]", "") + ", O=Switchboard self-signed");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(host));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
        store.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {cert});
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static GeneralNames subjectAltNames(String host) {
        Set<String> dns = new LinkedHashSet<>();
        if (host.matches("[A-Za-z0-9.-]+")) {
            dns.add(host);
        }
        dns.add("localhost");
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        ips.addAll(localAddresses());
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    private static List<String> localAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    out.add(zone < 0 ? s : s.substring(0, zone));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the certificate names localhost only
        }
        return out;
    }
}
