package org.switchboard.web.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.switchboard.api.health.Health;
import org.switchboard.api.health.HealthIndicator;

/**
 * Health of the web side's own listeners, named {@code web}: each enabled Pax Web connector
 * (HTTP, HTTPS) accepts a TCP connection on its port. DOWN, for example, while Jetty restarts
 * after a configuration change, or when the HTTPS port is taken by another program.
 */
@Component(service = HealthIndicator.class, configurationPid = Pids.PAX_WEB)
public class WebListenersHealth implements HealthIndicator {
    static final int CONNECT_TIMEOUT_MS = 500;

    /**
     * Pax Web's own keys in {@code org.ops4j.pax.web}; no metatype is designated for them here
     * (Pax Web describes its PID itself).
     */
    @interface Config {
        boolean org_osgi_service_http_enabled() default true;

        int org_osgi_service_http_port() default 8181;

        boolean org_osgi_service_http_secure_enabled() default false;

        int org_osgi_service_http_port_secure() default 8443;

        String[] org_ops4j_pax_web_listening_addresses() default {"0.0.0.0"};
    }

    private volatile Config config;

    @Activate
    public WebListenersHealth(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config updated) {
        this.config = updated;
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public Health check() {
        Config c = config;
        String host = probeHost(c.org_ops4j_pax_web_listening_addresses());
        Map<String, Object> details = new LinkedHashMap<>();
        String down = null;
        if (c.org_osgi_service_http_enabled()) {
            boolean ok = listening(host, c.org_osgi_service_http_port());
            details.put("http.port", c.org_osgi_service_http_port());
            details.put("http.listening", ok);
            down = ok ? null : "nothing accepts connections on the HTTP port " + c.org_osgi_service_http_port();
        }
        if (c.org_osgi_service_http_secure_enabled()) {
            boolean ok = listening(host, c.org_osgi_service_http_port_secure());
            details.put("https.port", c.org_osgi_service_http_port_secure());
            details.put("https.listening", ok);
            if (!ok && down == null) {
                down = "nothing accepts connections on the HTTPS port " + c.org_osgi_service_http_port_secure();
            }
        }
        if (down != null) {
            details.put("reason", down);
            return Health.down(details);
        }
        return Health.up(details);
    }

    /** A wildcard listener is reached on loopback; a specific one on its own address. */
    static String probeHost(String[] addresses) {
        String first = addresses == null || addresses.length == 0 ? "0.0.0.0" : addresses[0].split(",")[0].trim();
        return first.isEmpty() || first.equals("0.0.0.0") || first.equals("::") || first.equals("[::]") ? "127.0.0.1" : first;
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
