package org.switchboard.sip.internal.dialog;

import gov.nist.javax.sip.stack.HopImpl;
import java.util.Locale;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * The next hop of a forwarded request (RFC 3263 section 4, without DNS SRV): the top Route,
 * else the Request-URI; its transport parameter, else TLS for sips and UDP otherwise. The
 * stack's default router would instead reuse the transport of the incoming top Via, which
 * sends a request that came from a WebSocket to a UDP phone over "WS".
 */
public final class NextHop {
    private NextHop() {
    }

    /** @return the hop of a flow: its transport, remote address and port */
    public static Hop of(org.switchboard.api.location.Flow flow) {
        return new HopImpl(flow.remoteAddress(), flow.remotePort(), flow.transport());
    }

    public static Hop of(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        URI uri = route != null ? route.getAddress().getURI() : request.getRequestURI();
        if (!(uri instanceof SipURI sip)) {
            throw new IllegalArgumentException("cannot route to " + uri.getScheme() + " URI");
        }
        String transport = sip.getTransportParam();
        if (transport == null) {
            transport = sip.isSecure() ? "TLS" : "UDP";
        }
        transport = transport.toUpperCase(Locale.ROOT);
        int port = sip.getPort();
        if (port <= 0) {
            port = "TLS".equals(transport) || "WSS".equals(transport) ? 5061 : 5060;
        }
        String maddr = sip.getMAddrParam();
        return new HopImpl(maddr != null ? maddr : sip.getHost(), port, transport);
    }
}
