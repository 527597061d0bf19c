package org.switchboard.sip.internal.proxy;

import java.util.ListIterator;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.switchboard.api.location.Flow;
import org.switchboard.sip.internal.core.SipContext;

/**
 * Route pre-processing (RFC 3261 section 16.4): undoes a strict-routing previous hop and
 * removes this proxy's own Route entries, keeping the flow token they carried.
 */
final class RouteSet {
    private RouteSet() {
    }

    /** The result: the flow recorded in our Route entry, if any, and whether other routes remain. */
    record Popped(Flow token, boolean ours, boolean remaining) {
    }

    static Popped preprocess(SipContext sip, FlowToken tokens, Request work) throws java.text.ParseException {
        if (isOurs(sip, work.getRequestURI()) && work.getHeader(RouteHeader.NAME) != null) {
            RouteHeader last = null;
            ListIterator<?> it = work.getHeaders(RouteHeader.NAME);
            while (it.hasNext()) {
                last = (RouteHeader) it.next();
            }
            java.util.List<RouteHeader> keep = new java.util.ArrayList<>();
            it = work.getHeaders(RouteHeader.NAME);
            while (it.hasNext()) {
                RouteHeader h = (RouteHeader) it.next();
                if (h != last) {
                    keep.add(h);
                }
            }
            work.removeHeader(RouteHeader.NAME);
            keep.forEach(work::addHeader);
            work.setRequestURI(last.getAddress().getURI());
        }
        Flow token = null;
        boolean ours = false;
        RouteHeader top;
        while ((top = (RouteHeader) work.getHeader(RouteHeader.NAME)) != null && isOurs(sip, top.getAddress().getURI())) {
            ours = true;
            if (token == null) {
                token = tokens.decode(((SipURI) top.getAddress().getURI()).getParameter(FlowToken.PARAM)).orElse(null);
            }
            work.removeFirst(RouteHeader.NAME);
        }
        return new Popped(token, ours, work.getHeader(RouteHeader.NAME) != null);
    }

    static boolean isOurs(SipContext sip, URI uri) {
        return uri instanceof SipURI s && s.getUser() == null && sip.isUs(s.getHost(), s.getPort(), s.getTransportParam());
    }
}
