package org.switchboard.sip.internal.command;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.sip.internal.SipServer;
import org.switchboard.sip.internal.proxy.CallRegistry;

/** {@code sip:calls}: calls in progress through the proxy. */
@Service
@Command(scope = "sip", name = "calls", description = "Lists calls in progress through the proxy")
public class CallsCommand implements Action {
    @Reference
    SipServer server;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Call-ID");
        table.column("From");
        table.column("To");
        table.column("State");
        table.column("Duration");
        Instant now = Instant.now();
        for (CallRegistry.Call c : server.calls().list()) {
            table.addRow().addContent(c.callId(), c.from(), c.to(), c.state(),
                    Duration.between(c.started(), now).toSeconds() + "s");
        }
        table.print(System.out);
        return null;
    }
}
