package org.switchboard.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.switchboard.api.sip.SipDomains;

/**
 * {@code GET /api/client-config}: what a softphone needs to "configure automatically": the
 * SIP domain, the WebSocket URLs in priority order and the ICE servers, and the client
 * features the server has installed. The softphone revalidates it (ETag, If-None-Match: 304
 * when nothing changed) to follow features that come and go.
 */
@Component(service = Servlet.class, configurationPid = {Pids.SIP, Pids.WEB})
@HttpWhiteboardServletPattern("/api/client-config")
@HttpWhiteboardServletName("switchboard-client-config")
public class ClientConfigServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SipDomains domains;
    private final transient ClientFeatures features;
    private final String version;
    private volatile transient WebConfig config;
    private volatile transient List<Map<String, Object>> iceServers;

    @Activate
    public ClientConfigServlet(@Reference SipDomains domains, @Reference ClientFeatures features, WebConfig config,
            org.osgi.framework.BundleContext context) {
        this.domains = domains;
        this.features = features;
        modified(config);
        this.version = context.getBundle().getVersion().toString();
    }

    @Modified
    void modified(WebConfig updated) {
        this.iceServers = IceServers.parse(updated.ice_servers());
        this.config = updated;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebConfig c = config;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domains.canonical());
        body.put("realm", c.realm());
        body.put("wssUrls", socketUrls(c, hostOf(req), req.isSecure(), Loopback.is(req.getRemoteAddr())));
        body.put("iceServers", iceServers);
        body.put("historyUrl", "/api/history");
        body.put("version", version);
        body.put("features", features.list());
        ETags.write(req, resp, body);
    }

    /** Plain ws:// first for a loopback page over plain HTTP: browsers distrust the self-signed wss:// there. */
    static List<String> socketUrls(WebConfig c, String host, boolean secure, boolean loopback) {
        List<String> urls = new ArrayList<>();
        if (!secure && loopback && c.ws_port() > 0) {
            urls.add("ws://" + host + ":" + c.ws_port());
        }
        if (c.wss_port() > 0) {
            urls.add("wss://" + host + ":" + c.wss_port());
        }
        for (String extra : ConfigLists.values(c.extra_wss_urls())) {
            if (!urls.contains(extra)) {
                urls.add(extra);
            }
        }
        return urls;
    }

    static String hostOf(HttpServletRequest req) {
        String host = req.getServerName();
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
