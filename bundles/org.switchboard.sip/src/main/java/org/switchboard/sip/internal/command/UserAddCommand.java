package org.switchboard.sip.internal.command;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.sip.internal.UserAccounts;

/** {@code sip:user-add}: creates a user who can register and call. */
@Service
@Command(scope = "sip", name = "user-add", description = "Creates a SIP user; without --password one is generated and printed")
public class UserAddCommand implements Action {
    @Reference
    UserAccounts accounts;

    @Argument(index = 0, name = "user", description = "User name or extension (letters, digits, . _ + -)", required = true)
    String user;

    @Option(name = "--password", aliases = "-p", description = "Password (generated when omitted)")
    String password;

    @Option(name = "--name", aliases = "-n", description = "Display name")
    String name;

    @Option(name = "--email", aliases = "-e", description = "E-mail address")
    String email;

    @Argument(index = 1, name = "options", description = "Options may also follow the user name", multiValued = true)
    List<String> trailing;

    @Override
    public Object execute() {
        TrailingOptions more = new TrailingOptions(trailing, Map.of("-p", "--password", "--password", "--password", "-n", "--name", "--name", "--name", "-e", "--email", "--email", "--email"));
        password = more.get("--password", password);
        name = more.get("--name", name);
        email = more.get("--email", email);
        UserAccount account = new UserAccount(user, name, email);
        if (accounts.directory().find(user).isPresent()) {
            throw new IllegalArgumentException("user '" + user + "' exists already; use sip:user-passwd to change the password");
        }
        Passwords.Chosen pw = Passwords.choose(password);
        accounts.create(account, pw.password().toCharArray());
        System.out.println("Created user " + user);
        pw.printIfGenerated();
        return null;
    }
}
