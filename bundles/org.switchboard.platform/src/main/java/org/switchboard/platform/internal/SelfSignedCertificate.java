package org.switchboard.platform.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a self-signed RSA certificate for the host with the JDK's keytool, naming the host
 * name, localhost and every local address as subject alternative names.
 */
final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    static void generate(Path keyStore, char[] password) throws IOException {
        Files.createDirectories(keyStore.getParent());
        Files.deleteIfExists(keyStore);
        String host = hostName();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "switchboard", "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=" + host + ", O=Switchboard self-signed",
                "-ext", "SAN=" + subjectAltNames(host), "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(password),
                "-keypass", new String(password));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the certificate", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0 || !Files.exists(keyStore)) {
            throw new IOException("keytool failed (" + p.exitValue() + "): " + out.trim());
        }
        SecretFiles.restrict(keyStore);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String subjectAltNames(String host) {
        Set<String> names = new LinkedHashSet<>();
        if (host.matches("[A-Za-z0-9.-]+")) {
            names.add("dns:" + host);
        }
        names.add("dns:localhost");
        names.add("ip:127.0.0.1");
        names.add("ip:::1");
        for (String addr : localAddresses()) {
            names.add("ip:" + addr);
        }
        return String.join(",", names);
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
