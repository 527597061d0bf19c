package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.api.directory.DigestAlgorithm;

/**
 * Makes sure Karaf's {@code etc/users.properties} has an administrator with a generated
 * password, so that no distribution ships a default password (Karaf's karaf/karaf).
 * The clear password goes to a file only the owner can read; users.properties keeps
 * only its SHA-256 hash in Karaf's {@code {CRYPT}...{CRYPT}} form.
 */
final class AdminAccount {
    private static final Pattern USER_LINE = Pattern.compile("^\\s*([^#!\\s=][^=]*?)\\s*=.*");

    private final Path usersFile;
    private final Path passwordFile;
    private final String user;

    AdminAccount(Path usersFile, Path passwordFile, String user) {
        this.usersFile = usersFile;
        this.passwordFile = passwordFile;
        this.user = user;
    }

    /**
     * @return true if a password was generated now, false if the administrator and the
     *     file with its password exist already. A lost password file gets a new password.
     */
    boolean ensure() throws IOException {
        List<String> lines = Files.exists(usersFile)
                ? Files.readAllLines(usersFile, StandardCharsets.ISO_8859_1) : List.of();
        if (hasUser(lines, user)) {
            if (Files.exists(passwordFile)) {
                return false;
            }
            lines = lines.stream().filter(l -> !isUserLine(l, user)).toList();
        }
        String password = SecretFiles.randomSecret(24);
        SecretFiles.writeOwnerOnly(passwordFile, password + "\n");
        String hash = DigestAlgorithm.SHA_256.hash(password);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (!line.matches("^\\s*karaf\\s*=.*")) { // never keep the well-known karaf/karaf
                text.append(line).append('\n');
            }
        }
        if (lines.stream().noneMatch(l -> l.startsWith("_g_\\:admingroup"))) {
            text.append("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        }
        text.append(user).append(" = {CRYPT}").append(hash).append("{CRYPT},_g_:admingroup\n");
        Files.writeString(usersFile, text, StandardCharsets.ISO_8859_1);
        SecretFiles.restrict(usersFile);
        return true;
    }

    static boolean hasUser(List<String> lines, String user) {
        return lines.stream().anyMatch(l -> isUserLine(l, user));
    }

    private static boolean isUserLine(String line, String user) {
        var m = USER_LINE.matcher(line);
        return m.matches() && m.group(1).equals(user);
    }
}
