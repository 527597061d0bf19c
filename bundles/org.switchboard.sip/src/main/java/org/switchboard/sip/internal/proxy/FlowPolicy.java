package org.switchboard.sip.internal.proxy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

/**
 * Whether a request for a binding goes back over the flow the REGISTER came on, or to the
 * registered Contact as RFC 3261 says. The flow wins for RFC 5626 clients (reg-id), for
 * WebSocket clients (their Contact is unroutable, RFC 7118), for TCP/TLS clients whose
 * connection comes from the Contact's own address, and when the Contact is a private or
 * {@code .invalid} address other than where the REGISTER came from (NAT).
 */
final class FlowPolicy {
    private static final Pattern HOST = Pattern.compile("^sips?:(?:[^@]*@)?(\\[[^\\]]+\\]|[^:;>?]+)", Pattern.CASE_INSENSITIVE);

    private FlowPolicy() {
    }

    static boolean useFlow(Binding b) {
        Flow flow = b.flow();
        String host = host(b.contact());
        if (b.regId() > 0 || flow.transport().startsWith("WS") || host == null || host.endsWith(".invalid")) {
            return true;
        }
        if (host.equals(flow.remoteAddress())) {
            return flow.connectionOriented();
        }
        return isPrivate(host);
    }

    static String host(String contact) {
        Matcher m = HOST.matcher(contact);
        if (!m.find()) {
            return null;
        }
        String h = m.group(1).toLowerCase(Locale.ROOT);
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    static boolean isPrivate(String host) {
        return host.startsWith("10.") || host.startsWith("192.168.") || host.startsWith("169.254.")
                || host.matches("172\\.(1[6-9]|2\\d|3[01])\\..*") || host.matches("100\\.(6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\..*")
                || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80:");
    }
}
