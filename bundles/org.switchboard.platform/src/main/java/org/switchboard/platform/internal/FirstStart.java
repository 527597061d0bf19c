package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at every start: makes the folders that hold secrets owner-only, creates the Karaf
 * administrator with a generated password the first time, and prints where that password is.
 */
@Component(immediate = true, configurationPid = "org.switchboard.platform")
@Designate(ocd = FirstStart.Config.class)
public class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    @ObjectClassDefinition(name = "Switchboard platform", description = "First-start secrets")
    @interface Config {
        @AttributeDefinition(description = "Karaf shell/SSH administrator user name")
        String admin_user() default "admin";

        @AttributeDefinition(description = "File, relative to karaf.etc, that receives the generated admin password")
        String admin_password_file() default "secrets/admin.password";
    }

    @Activate
    public FirstStart(Config config) {
        Path etc = KarafPaths.etc();
        securePrivateFolders(etc, KarafPaths.data());
        Path passwordFile = etc.resolve(config.admin_password_file()).toAbsolutePath().normalize();
        try {
            boolean created = new AdminAccount(etc.resolve("users.properties"), passwordFile, config.admin_user()).ensure();
            String user = "Karaf shell/SSH user '" + config.admin_user() + "'";
            String msg = created ? "generated a password for " + user + "; it is in " + passwordFile
                    : "the password of " + user + " is in " + passwordFile;
            LOG.info(msg);
            System.out.println("Switchboard: " + msg);
        } catch (IOException e) {
            LOG.error("Could not create the Karaf administrator in {}/users.properties: {}. "
                    + "Fix the file permissions, or add a user there by hand.", etc, e.toString());
        }
    }

    /**
     * data/ holds the database with every user's HA1 and etc/secrets/ the generated passwords
     * and the TLS key: owner-only (0700 folders, 0600 files), whatever umask unpacked them.
     */
    static void securePrivateFolders(Path etc, Path data) {
        Path current = data;
        try {
            PrivateFolders.folder(data);
            current = data.resolve("switchboard");
            PrivateFolders.folderAndFiles(current);
            current = etc.resolve("secrets");
            PrivateFolders.folderAndFiles(current);
        } catch (IOException e) {
            LOG.error("Could not make {} owner-only (0700, files 0600): {}. Run Switchboard as the owner of "
                    + "its folders, or fix the modes by hand: chmod 700 {}", current, e.toString(), current);
        }
    }
}
