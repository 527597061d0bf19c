package org.switchboard.sip.internal.command;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.sip.internal.UserAccounts;

/** {@code sip:user-passwd}: sets a user's password. */
@Service
@Command(scope = "sip", name = "user-passwd", description = "Sets a SIP user's password; without --password one is generated and printed")
public class UserPasswdCommand implements Action {
    @Reference
    UserAccounts accounts;

    @Argument(index = 0, name = "user", description = "User name", required = true)
    @Completion(UserCompleter.class)
    String user;

    @Option(name = "--password", aliases = "-p", description = "New password (generated when omitted)")
    String password;

    @Argument(index = 1, name = "options", description = "Options may also follow the user name", multiValued = true)
    List<String> trailing;

    @Override
    public Object execute() {
        TrailingOptions more = new TrailingOptions(trailing, Map.of("-p", "--password", "--password", "--password"));
        password = more.get("--password", password);
        Passwords.Chosen pw = Passwords.choose(password);
        if (!accounts.setPassword(user, pw.password().toCharArray())) {
            throw new IllegalArgumentException("no user '" + user + "'; see sip:user-list");
        }
        System.out.println("Password of " + user + " changed");
        pw.printIfGenerated();
        return null;
    }
}
