package org.switchboard.sip.internal.proxy;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/** What the proxy reads from a request's headers. */
final class ProxiedRequest {
    private ProxiedRequest() {
    }

    static int maxForwards(Request req) {
        MaxForwardsHeader mf = (MaxForwardsHeader) req.getHeader(MaxForwardsHeader.NAME);
        return mf == null ? 70 : mf.getMaxForwards();
    }

    /** @return whether the method creates a dialog, which the proxy Record-Routes */
    static boolean createsDialog(String method) {
        return Request.INVITE.equals(method) || Request.SUBSCRIBE.equals(method) || Request.REFER.equals(method)
                || Request.NOTIFY.equals(method);
    }

    static String toTag(Request req) {
        ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    static String callId(Request req) {
        return ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static URI from(Request req) {
        return ((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI();
    }

    /** @return the caller as the dial plan knows it: the user part of From (a local user, or a number) */
    static String callerName(Request req) {
        return from(req) instanceof SipURI s && s.getUser() != null ? s.getUser() : "";
    }

    /** @return user@host of a SIP URI, as the call registry shows it */
    static String address(URI uri) {
        return uri instanceof SipURI s && s.getUser() != null ? s.getUser() + "@" + s.getHost() : uri.toString();
    }
}
