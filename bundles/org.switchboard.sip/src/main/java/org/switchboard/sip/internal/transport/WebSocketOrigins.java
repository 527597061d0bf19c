package org.switchboard.sip.internal.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open SIP over WebSocket (RFC 7118) from a browser: a page served from one of this
 * platform's own names or addresses (any scheme and port), or from an origin listed in
 * {@code ws.allowed.origins}; {@code *} there allows every origin. An upgrade without an Origin
 * header comes from a non-browser client (a phone, JsSIP on node) and is allowed: the check
 * protects users' browsers, so that no web page they visit can reach SIP from inside their
 * network (the WebSocket equivalent of CSRF).
 */
public final class WebSocketOrigins implements Predicate<String> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketOrigins.class);
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final Predicate<String> localHost;
    private final Set<String> allowed;
    private final boolean any;
    private final LongSupplier clock;
    private long lastLogged = Long.MIN_VALUE;
    private long refusedSinceLog;

    /**
     * @param localHost whether a host name or address is this platform's own
     * @param configured {@code ws.allowed.origins}: origins such as {@code https://phone.example.com}, or {@code *}
     */
    public WebSocketOrigins(Predicate<String> localHost, List<String> configured, LongSupplier clock) {
        this.localHost = localHost;
        this.any = configured.contains("*");
        this.allowed = configured.stream().map(WebSocketOrigins::normalize).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    @Override
    public boolean test(String origin) {
        if (origin == null || any || allowed.contains(normalize(origin)) || ownHost(origin)) {
            return true;
        }
        refused(origin);
        return false;
    }

    private boolean ownHost(String origin) {
        try {
            URI uri = new URI(origin.trim());
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && localHost.test(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private synchronized void refused(String origin) {
        refusedSinceLog++;
        long now = clock.getAsLong();
        if (lastLogged == Long.MIN_VALUE || now - lastLogged >= LOG_EVERY_MILLIS) {
            LOG.warn("Refused {} WebSocket upgrade(s) from a page not served here, last from Origin {}. To allow that site, add it "
                    + "to ws.allowed.origins in etc/org.switchboard.sip.cfg", refusedSinceLog, origin);
            lastLogged = now;
            refusedSinceLog = 0;
        }
    }

    static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
