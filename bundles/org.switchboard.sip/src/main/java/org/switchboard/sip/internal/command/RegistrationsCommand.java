package org.switchboard.sip.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.LocationStore;
import org.switchboard.sip.internal.SipServer;

/** {@code sip:registrations}: the current bindings of one user or of everyone. */
@Service
@Command(scope = "sip", name = "registrations", description = "Lists registered contacts, of one user or all")
public class RegistrationsCommand implements Action {
    @Reference
    LocationStore location;

    @Reference
    SipServer server;

    @Argument(index = 0, name = "user", description = "User name (all users when omitted)")
    @Completion(UserCompleter.class)
    String user;

    @Override
    public Object execute() {
        Map<String, List<Binding>> all = user == null ? new TreeMap<>(location.all())
                : Map.of(server.domains().aor(user), location.lookup(server.domains().aor(user)));
        ShellTable table = new ShellTable();
        table.column("AOR");
        table.column("Contact");
        table.column("Flow");
        table.column("Expires");
        table.column("Q");
        table.column("User-Agent");
        Instant now = Instant.now();
        all.forEach((aor, bindings) -> bindings.forEach(b -> table.addRow().addContent(aor, b.contact(),
                b.flow().toString(), Duration.between(now, b.expires()).toSeconds() + "s", b.q(), b.userAgent())));
        table.print(System.out);
        return null;
    }
}
