package org.switchboard.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.slf4j.LoggerFactory;
import org.switchboard.api.auth.AuthService;
import org.switchboard.api.history.CallHistory;
import org.switchboard.api.history.CallRecord;

/**
 * The call-history REST API, {@code /api/history}: each user reads, adds and clears their
 * own calls (web-client/CONTRACT.md).
 */
@Component(service = Servlet.class, configurationPid = {Pids.SIP, Pids.WEB})
@HttpWhiteboardServletPattern({"/api/history", "/api/history/*"})
@HttpWhiteboardServletName("switchboard-history")
public class HistoryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryServlet.class);
    static final int MAX_LIMIT = 500;

    private final transient CallHistory history;
    private final transient BasicAuthenticator auth;

    @Activate
    public HistoryServlet(@Reference CallHistory history, @Reference AuthService auth, WebConfig config) {
        this.history = history;
        this.auth = new BasicAuthenticator(auth, config.realm());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String user = auth.authenticate(req, resp);
            String id = entryId(req);
            switch (req.getMethod()) {
                case "GET":
                    get(user, id, req, resp);
                    break;
                case "POST":
                    post(user, id, req, resp);
                    break;
                case "DELETE":
                    delete(user, id, resp);
                    break;
                default:
                    resp.setHeader("Allow", id == null ? "GET, POST, DELETE" : "GET, DELETE");
                    throw new Problem(405, req.getMethod() + " is not supported here");
            }
        } catch (Problem p) {
            p.write(resp);
        } catch (IllegalStateException e) {
            LOG.error("Call history failed", e);
            Problem.send(resp, 503, "the call history is not available right now");
        }
    }

    private void get(String user, String id, HttpServletRequest req, HttpServletResponse resp) throws Problem, IOException {
        if (id != null) {
            CallRecord call = history.find(user, parseId(id)).orElseThrow(() -> new Problem(404, "no call " + id));
            Json.write(resp, 200, HistoryJson.toJson(call));
            return;
        }
        int limit = limit(req.getParameter("limit"));
        List<Map<String, Object>> items = history.recent(user, limit).stream().map(HistoryJson::toJson).toList();
        Json.write(resp, 200, Map.of("items", items));
    }

    private void post(String user, String id, HttpServletRequest req, HttpServletResponse resp) throws Problem, IOException {
        if (id != null) {
            resp.setHeader("Allow", "GET, DELETE");
            throw new Problem(405, "POST to /api/history, not to an entry");
        }
        CallRecord stored = history.add(user, HistoryJson.fromJson(Json.readObject(req)));
        resp.setHeader("Location", req.getContextPath() + "/api/history/" + stored.id());
        Json.write(resp, 201, HistoryJson.toJson(stored));
    }

    private void delete(String user, String id, HttpServletResponse resp) throws Problem {
        if (id == null) {
            history.clear(user);
        } else if (!history.remove(user, parseId(id))) {
            throw new Problem(404, "no call " + id);
        }
        resp.setStatus(204);
    }

    private static String entryId(HttpServletRequest req) throws Problem {
        String path = req.getPathInfo();
        if (path == null || path.equals("/") || path.isEmpty()) {
            return null;
        }
        String id = path.substring(1);
        if (id.contains("/")) {
            throw new Problem(404, "no such resource");
        }
        return id;
    }

    private static long parseId(String id) throws Problem {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Problem(404, "no call " + id);
        }
    }

    static int limit(String value) throws Problem {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new Problem(400, "'limit' must be between 1 and " + MAX_LIMIT);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new Problem(400, "'limit' must be a number between 1 and " + MAX_LIMIT);
        }
    }
}
