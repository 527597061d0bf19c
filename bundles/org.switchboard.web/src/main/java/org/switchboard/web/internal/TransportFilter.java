package org.switchboard.web.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Plain HTTP is for the machine itself: requests from other hosts are redirected to HTTPS
 * (passwords travel in the REST API's Basic credentials and in the softphone's settings).
 */
@Component(service = Filter.class, configurationPid = {Pids.SIP, Pids.WEB})
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("switchboard-transport")
public class TransportFilter implements Filter {
    private volatile WebConfig config;

    private final ConfigurationAdmin admin;

    @Activate
    public TransportFilter(WebConfig config, @Reference ConfigurationAdmin admin) {
        this.config = config;
        this.admin = admin;
    }

    @Modified
    void modified(WebConfig updated) {
        this.config = updated;
    }

    /**
     * Read when needed rather than by merging Pax Web's PID into this component's: enabling
     * HTTPS rewrites that PID at every first start, and re-registering whiteboard services
     * while Jetty restarts can leave one parked under its old name (404 until the next restart).
     */
    private String securePort() {
        try {
            java.util.Dictionary<String, Object> props = admin.getConfiguration(Pids.PAX_WEB, "?").getProperties();
            Object port = props == null ? null : props.get(HttpsSetup.PORT);
            return port == null ? "8443" : port.toString().trim();
        } catch (java.io.IOException e) {
            return "8443";
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        WebConfig c = config;
        if (!req.isSecure() && !c.plain_http_remote() && !Loopback.is(req.getRemoteAddr())) {
            String query = req.getQueryString();
            resp.setStatus(308);
            resp.setHeader("Location", "https://" + ClientConfigServlet.hostOf(req) + ":"
                    + securePort() + req.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
