package org.switchboard.sip.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;
import org.switchboard.api.location.LocationStore;
import org.switchboard.sip.internal.SipServer;

/** {@code sip:user-list}: lists users with how many devices each has registered. */
@Service
@Command(scope = "sip", name = "user-list", description = "Lists SIP users")
public class UserListCommand implements Action {
    @Reference
    UserDirectory directory;

    @Reference
    LocationStore location;

    @Reference
    SipServer server;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Name");
        table.column("Email");
        table.column("Registrations");
        for (UserAccount a : directory.list()) {
            table.addRow().addContent(a.username(), a.displayName(), a.email(),
                    location.lookup(server.domains().aor(a.username())).size());
        }
        table.print(System.out);
        return null;
    }
}
