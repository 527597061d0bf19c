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
        table.column("State");
        table.column("Queued");
        table.column("Last received");
        for (Transport t : server.transports()) {
            var state = java.util.Optional.of(server.listeners().state(t));
            table.addRow().addContent(t.name(), t.bindAddress(), t.port(), t.uri(),
                    state.map(x -> x.receiving() ? "receiving" : "DOWN").orElse("unknown"),
                    state.map(x -> String.valueOf(x.queued())).orElse(""),
                    state.filter(x -> x.lastReceivedMillisAgo() >= 0).map(x -> x.lastReceivedMillisAgo() + " ms ago").orElse(""));
        }
        table.print(System.out);
        var gate = server.stack().gate();
        System.out.println("Domains: " + String.join(", ", server.domains().names()));
        System.out.println("Overload: " + gate.transactions() + " transactions open (limit " + gate.limits().maxTransactions()
                + "), " + gate.pending() + " stream messages waiting (limit " + gate.limits().maxPendingTasks() + "), heap after the last GC "
                + gate.heap().percentAfterLastCollection() + " % (limit " + gate.heap().thresholdPercent() + " %); since start "
                + gate.shedCount() + " requests refused with 503, " + gate.droppedCount() + " messages dropped");
        return null;
    }
}
