package org.switchboard.sip.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.directory.UserDirectory;
import org.switchboard.api.location.LocationStore;
import org.switchboard.sip.internal.SipServer;

/** {@code sip:user-remove}: deletes a user and their registrations. */
@Service
@Command(scope = "sip", name = "user-remove", description = "Removes a SIP user and their registrations")
public class UserRemoveCommand implements Action {
    @Reference
    UserDirectory directory;

    @Reference
    LocationStore location;

    @Reference
    SipServer server;

    @Argument(index = 0, name = "user", description = "User name", required = true)
    @Completion(UserCompleter.class)
    String user;

    @Override
    public Object execute() {
        if (!directory.remove(user)) {
            throw new IllegalArgumentException("no user '" + user + "'; see sip:user-list");
        }
        location.replace(server.domains().aor(user), List.of());
        System.out.println("Removed user " + user);
        return null;
    }
}
