package org.switchboard.sip.internal.app;

import org.switchboard.sip.internal.dialog.SipDialog;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.sip.internal.core.Inbound;

/**
 * One dialog of a hosted call with its media leg: the caller's (we are the UAS) or the
 * connected target's (we are the UAC). Answers the in-dialog requests of the peer: BYE,
 * re-INVITE (new SDP, hold), INFO (DTMF), OPTIONS; and retransmits our 2xx until the ACK.
 */
final class DialogSide {
    private static final Logger LOG = LoggerFactory.getLogger(DialogSide.class);

    final SipDialog dialog;
    final SignalledLeg leg;
    private final HostedCall owner;
    private final CallContext host;
    private final Address contact;
    private OkRetransmitter retransmitter;
    private Response lastOk;
    private boolean answerInAck;

    DialogSide(HostedCall owner, CallContext host, SipDialog dialog, SignalledLeg leg, Address contact) {
        this.owner = owner;
        this.host = host;
        this.dialog = dialog;
        this.leg = leg;
        this.contact = contact;
    }

    /** Sends a 2xx with our SDP in a server transaction and retransmits it until the ACK. */
    void sendOk(ServerTransaction tx, Request req, String sdp, boolean offer) {
        Response ok = host.responses().create(200, req, null);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(dialog.localTag);
            ok.addHeader(host.sip().headers().createContactHeader(contact));
            ok.addHeader(host.sip().headers().createAllowHeader(AppHost.ALLOW));
            ok.setContent(sdp, host.sip().headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        OkRetransmitter previous;
        synchronized (this) {
            previous = retransmitter;
            lastOk = ok;
            answerInAck = offer;
            retransmitter = new OkRetransmitter(host.timers(), this::resendOk, () -> {
                LOG.info("No ACK for the 200 of {} in 32 s: hanging up", dialog.callId);
                owner.hangup();
            });
        }
        if (previous != null) {
            previous.stop();
        }
        host.responses().send(tx, req, ok);
        retransmitter.start();
    }

    /** A retransmitted INVITE, or a retransmitted 2xx of the peer: send the 200 again. */
    void resendOk() {
        Response ok;
        synchronized (this) {
            ok = lastOk;
        }
        if (ok != null) {
            host.responses().send(null, null, ok);
        }
    }

    void onAck(Inbound in) {
        boolean apply;
        synchronized (this) {
            if (retransmitter != null) {
                retransmitter.stop();
            }
            apply = answerInAck;
            answerInAck = false;
        }
        String sdp = body(in.request());
        if (apply && sdp != null) {
            try {
                leg.update(sdp);
            } catch (MediaException e) {
                LOG.info("The answer in the ACK of {} is not acceptable ({}): hanging up", dialog.callId, e.getMessage());
                owner.hangup();
            }
        }
    }

    void onRequest(Inbound in) {
        Request req = in.request();
        ServerTransaction tx = host.host().open(req);
        switch (req.getMethod()) {
            case Request.BYE -> {
                host.responses().reply(tx, req, 200, null);
                owner.byeFrom(this);
            }
            case Request.INVITE -> reInvite(tx, req);
            case Request.INFO -> {
                ContentTypeHeader type = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
                DtmfInfo.parse(type == null ? null : type.getContentSubType(), body(req))
                        .ifPresent(d -> leg.injectDtmf(d.digit(), d.duration()));
                host.responses().reply(tx, req, 200, null);
            }
            case Request.OPTIONS -> host.responses().reply(tx, req, 200, null);
            case Request.UPDATE, Request.PRACK -> host.responses().reply(tx, req, 501, null);
            default -> host.responses().reply(tx, req, 405, "Method Not Allowed");
        }
    }

    private void reInvite(ServerTransaction tx, Request req) {
        String offer = body(req);
        String answer;
        try {
            answer = offer == null ? leg.localSdp() : leg.update(offer);
        } catch (MediaException e) {
            host.responses().reply(tx, req, e.sipStatus(), null);
            return;
        }
        sendOk(tx, req, answer, offer == null);
        owner.holdChanged(this, !leg.direction().sends());
    }

    /** Sends BYE to the peer (the call ends here). */
    void bye() {
        synchronized (this) {
            if (retransmitter != null) {
                retransmitter.stop();
            }
        }
        try {
            dialog.send(dialog.request(Request.BYE), null);
        } catch (Exception e) {
            LOG.debug("Could not send BYE in {}: {}", dialog.callId, e.toString());
        }
    }

    /** Sends the ACK of our INVITE (again, for a retransmitted 2xx). */
    void ack(long seq) {
        try {
            dialog.send(dialog.request(Request.ACK, seq), null);
        } catch (Exception e) {
            LOG.debug("Could not send ACK in {}: {}", dialog.callId, e.toString());
        }
    }

    static String body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }
}
