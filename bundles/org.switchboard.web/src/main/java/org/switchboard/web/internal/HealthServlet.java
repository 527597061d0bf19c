package org.switchboard.web.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.switchboard.api.auth.AuthService;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}: every {@link org.switchboard.api.health.HealthIndicator} of the
 * platform, 200 when all are UP and 503 as soon as one is DOWN (load balancers and supervisors
 * act on the status alone; the JSON says which part and why). {@code GET /api/health/{name}}
 * reports one indicator. Authenticated with the bearer token of {@link HealthToken}.
 */
@Component(service = Servlet.class, configurationPid = {Pids.SIP, Pids.WEB})
@HttpWhiteboardServletPattern({"/api/health", "/api/health/*"})
@HttpWhiteboardServletName("switchboard-health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);

    private final transient HealthIndicators indicators;
    private final transient HealthToken token;

    @Activate
    public HealthServlet(@Reference HealthIndicators indicators, @Reference AuthService auth, WebConfig config) {
        this.indicators = indicators;
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        this.token = new HealthToken(etc.resolve(config.health_token_file()).toAbsolutePath().normalize(),
                auth);
        try {
            if (token.ensureExists()) {
                LOG.info("Generated the token of /api/health in {}", token.file());
            }
        } catch (IOException e) {
            LOG.error("Cannot create the health token file {} (health.token.file in etc/org.switchboard.web.cfg): {}. "
                    + "Fix the folder's owner, or point health.token.file at a writable place", token.file(), e.toString());
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            token.authenticate(req, resp);
            if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
                resp.setHeader("Allow", "GET, HEAD");
                throw new Problem(405, req.getMethod() + " is not supported here: GET /api/health");
            }
            HealthReport report = indicators.check();
            String name = indicatorName(req);
            if (name != null) {
                report = report.only(name);
                if (report.entries().isEmpty()) {
                    throw new Problem(404, "no health indicator '" + name + "'; GET /api/health lists them");
                }
            }
            Json.write(resp, report.up() ? 200 : 503, report.toJson());
        } catch (Problem p) {
            p.write(resp);
        }
    }

    private static String indicatorName(HttpServletRequest req) throws Problem {
        String path = req.getPathInfo();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return null;
        }
        String name = path.substring(1);
        if (name.contains("/") || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new Problem(404, "no such resource: indicator names are letters, digits, '.', '_' and '-'");
        }
        return name;
    }
}
