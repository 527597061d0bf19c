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
 * Runs at every start: creates the Karaf administrator with a generated password the first
 * time, and prints where that password is.
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
}
