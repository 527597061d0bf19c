package org.switchboard.sip.internal.core;


import gov.nist.javax.sip.message.SIPMessage;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.api.location.Flow;

/**
 * A request as it reached the platform: the message, its server transaction (null when
 * handled statelessly) and the flow it came over.
 *
 * @param request the request
 * @param tx its server transaction, or null
 * @param source the transport, source address and port
 */
public record Inbound(Request request, ServerTransaction tx, Flow source) {

    public static Inbound of(RequestEvent event, ServerTransaction tx) {
        Request r = event.getRequest();
        SIPMessage m = (SIPMessage) r;
        ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
        String transport = via != null ? via.getTransport() : "UDP";
        String address = m.getRemoteAddress() != null ? m.getRemoteAddress().getHostAddress() : "0.0.0.0";
        return new Inbound(r, tx, new Flow(transport, address, m.getRemotePort()));
    }

    public String method() {
        return request.getMethod();
    }
}
