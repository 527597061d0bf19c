package org.switchboard.sip.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.sip.internal.SipServer;

/** Stops or starts one SIP listener: draining a node for maintenance, and back. */
public abstract class ListenerCommand implements Action {
    @Reference
    SipServer server;

    @Argument(index = 0, name = "transport", description = "UDP, TCP, TLS, WS or WSS", required = true)
    @Completion(value = StringsCompleter.class, values = {"UDP", "TCP", "TLS", "WS", "WSS"})
    String transport;

    abstract boolean apply(String transport);

    abstract String done();

    @Override
    public Object execute() {
        if (!apply(transport)) {
            System.err.println("No SIP listener for '" + transport + "': sip:transports lists them");
            return null;
        }
        System.out.println("SIP " + transport.toUpperCase(java.util.Locale.ROOT) + " listener " + done());
        return null;
    }

    /** {@code sip:listener-stop}. */
    @Service
    @Command(scope = "sip", name = "listener-stop", description = "Stops a SIP listener until sip:listener-start (its health turns DOWN)")
    public static class Stop extends ListenerCommand {
        @Override
        boolean apply(String t) {
            return server.listeners().stop(t);
        }

        @Override
        String done() {
            return "stopped; /api/health reports it DOWN until sip:listener-start";
        }
    }

    /** {@code sip:listener-start}. */
    @Service
    @Command(scope = "sip", name = "listener-start", description = "Starts a SIP listener that was stopped")
    public static class Start extends ListenerCommand {
        @Override
        boolean apply(String t) {
            return server.listeners().start(t);
        }

        @Override
        String done() {
            return "started";
        }
    }
}
