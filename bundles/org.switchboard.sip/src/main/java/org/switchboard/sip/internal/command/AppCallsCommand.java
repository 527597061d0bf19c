package org.switchboard.sip.internal.command;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaStats;
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
        table.column("Media");
        Instant now = Instant.now();
        AppHost host = server.host();
        if (host != null) {
            for (HostedCall c : host.calls()) {
                table.addRow().addContent(c.id(), c.caller(), c.application(), c.dialled(),
                        Duration.between(c.started(), now).toSeconds() + "s", c.bridgedTo(), media(c.leg()));
            }
        }
        table.print(System.out);
        return null;
    }

    /** @return the codec, packets both ways and what the peer's RTCP reports say (round trip, its loss) */
    static String media(MediaLeg leg) {
        if (leg == null || leg.codec() == null) {
            return "";
        }
        MediaStats s = leg.stats();
        String text = leg.codec().name() + " rx " + s.packetsReceived() + " tx " + s.packetsSent();
        if (s.roundTripMillis() >= 0) {
            text += String.format(java.util.Locale.ROOT, " rtt %.1f ms", s.roundTripMillis());
        }
        if (s.remotePacketsLost() >= 0) {
            text += String.format(java.util.Locale.ROOT, " peer lost %d (%.0f%%) jitter %.1f ms", s.remotePacketsLost(),
                    100 * s.remoteFractionLost(), s.remoteJitterMillis());
        }
        return text;
    }
}
