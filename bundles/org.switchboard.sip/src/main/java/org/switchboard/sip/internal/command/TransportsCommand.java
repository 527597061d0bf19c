package org.switchboard.sip.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.sip.internal.SipServer;
import org.switchboard.sip.internal.transport.Transport;

/** {@code sip:transports}: where the server listens. */
@Service
@Command(scope = "sip", name = "transports", description = "Lists the SIP transports and their ports")
public class TransportsCommand implements Action {
    @Reference
    SipServer server;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Transport");
        table.column("Address");
        table.column("Port");
        table.column("URI");
        for (Transport t : server.transports()) {
            table.addRow().addContent(t.name(), t.bindAddress(), t.port(), t.uri());
        }
        table.print(System.out);
        System.out.println("Domains: " + String.join(", ", server.domains().names()));
        return null;
    }
}
