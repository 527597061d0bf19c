package org.switchboard.sip.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.Ha1;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;

/**
 * Creates users and sets passwords, turning each password into the HA1 hashes the SIP
 * realm needs (MD5 and SHA-256). The password itself is never stored.
 */
@Component(service = UserAccounts.class, configurationPid = "org.switchboard.sip")
public class UserAccounts {
    private final UserDirectory directory;
    private final String realm;

    @Activate
    public UserAccounts(SipConfig config, @Reference UserDirectory directory) {
        this.directory = directory;
        this.realm = config.realm();
    }

    public UserDirectory directory() {
        return directory;
    }

    public void create(UserAccount account, char[] password) {
        directory.create(account, credentials(account.username(), password));
    }

    public boolean setPassword(String username, char[] password) {
        return directory.setCredentials(username, credentials(username, password));
    }

    private List<Ha1> credentials(String username, char[] password) {
        return List.of(DigestAlgorithm.SHA_256.ha1(username, realm, password), DigestAlgorithm.MD5.ha1(username, realm, password));
    }
}
