package org.switchboard.sip.internal.command;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.sip.internal.SipServer;
import org.switchboard.sip.internal.app.AppHost;
import org.switchboard.sip.internal.app.HostedCall;

/** {@code sip:app-calls}: calls answered by the platform for call applications. */
@Service
@Command(scope = "sip", name = "app-calls", description = "Lists calls hosted for call applications (echo, IVR, meetings...)")
public class AppCallsCommand implements Action {
    @Reference
    SipServer server;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Caller");
        table.column("Application");
        table.column("Dialled");
        table.column("Duration");
        table.column("Bridged to");
        Instant now = Instant.now();
        AppHost host = server.host();
        if (host != null) {
            for (HostedCall c : host.calls()) {
                table.addRow().addContent(c.id(), c.caller(), c.application(), c.dialled(),
                        Duration.between(c.started(), now).toSeconds() + "s", c.bridgedTo());
            }
        }
        table.print(System.out);
        return null;
    }
}
