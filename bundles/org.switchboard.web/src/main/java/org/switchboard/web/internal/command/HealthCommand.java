package org.switchboard.web.internal.command;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.web.internal.HealthIndicators;
import org.switchboard.web.internal.HealthReport;

/** {@code web:health}: what {@code GET /api/health} reports, one line per indicator. */
@Service
@Command(scope = "web", name = "health", description = "Shows the health of every part of the platform (as GET /api/health), one line per indicator")
public class HealthCommand implements Action {
    @Reference
    HealthIndicators indicators;

    @Override
    public Object execute() {
        HealthReport report = indicators.check();
        System.out.println("Switchboard is " + (report.up() ? "UP" : "DOWN") + " (" + report.entries().size()
                + " indicators; GET /api/health answers " + (report.up() ? 200 : 503) + ")");
        for (HealthReport.Entry e : report.entries()) {
            System.out.println(line(e));
        }
        return null;
    }

    static String line(HealthReport.Entry e) {
        return String.format("%-4s %-16s %s", e.health().status(), e.name(), details(e.health().details()));
    }

    private static String details(Map<String, Object> details) {
        return details.entrySet().stream().map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(" "));
    }
}
