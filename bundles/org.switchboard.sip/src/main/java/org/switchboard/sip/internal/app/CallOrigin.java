package org.switchboard.sip.internal.app;

import org.switchboard.sip.internal.dialog.SipDialog;
import java.text.ParseException;
import java.util.UUID;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.dialog.NextHop;

/** The INVITE a hosted call began with: who called, and the dialog answering it forms. */
final class CallOrigin {
    private final Inbound invite;

    CallOrigin(Inbound invite) {
        this.invite = invite;
    }

    Inbound invite() {
        return invite;
    }

    String callId() {
        return ((CallIdHeader) invite.request().getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** @return Call-ID and From tag: what a retransmitted INVITE is recognised by */
    String inviteKey() {
        return callId() + "|" + from().getTag();
    }

    Address callerAddress() {
        return from().getAddress();
    }

    /** @return the display name of From, or empty */
    String callerName() {
        String n = callerAddress().getDisplayName();
        return n == null ? "" : n;
    }

    /** @return the caller's user name when From is a local user, or empty */
    String callerUser(SipContext sip) {
        return callerAddress().getURI() instanceof SipURI s && s.getUser() != null
                && sip.domains().isLocal(s.getHost()) ? s.getUser() : "";
    }

    /**
     * @return the dialog the platform forms by answering (RFC 3261 12.1.1): a new To tag, the
     *     caller's Contact as remote target, its Record-Route, and requests over its flow
     */
    SipDialog answeringDialog(SipContext sip) throws ParseException {
        Request req = invite.request();
        ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
        URI target = SipDialog.contact(req);
        return new SipDialog(sip, callId(), (Address) to.getAddress().clone(),
                AppHost.TAG_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                (Address) from().getAddress().clone(), from().getTag(), target != null ? target : from().getAddress().getURI(),
                SipDialog.recordRoutes(req), NextHop.of(invite.source()), 0);
    }

    private FromHeader from() {
        return (FromHeader) invite.request().getHeader(FromHeader.NAME);
    }
}
