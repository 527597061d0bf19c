package org.switchboard.sip.internal.app;

import org.switchboard.sip.internal.dialog.SipDialog;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.sip.internal.core.Inbound;

/**
 * Answers the INVITE of a hosted call: the media engine's answer (or offer, for an INVITE
 * without SDP), then a 200 with it and a Contact over the caller's transport, and hands the
 * call to its application; a media failure ends the call with the status the engine gives.
 */
final class CallAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(CallAnswer.class);

    private final HostedCall call;
    private final CallContext host;
    private final CallOrigin origin;

    CallAnswer(HostedCall call, CallContext host, CallOrigin origin) {
        this.call = call;
        this.host = host;
        this.origin = origin;
    }

    void answer(MediaEngine engine) {
        Inbound invite = origin.invite();
        Request req = invite.request();
        String offer = DialogSide.body(req);
        SignalledLeg leg;
        try {
            LegOptions options = LegOptions.defaults(origin.callId());
            leg = offer == null ? engine.offer(options) : engine.answer(offer, options);
        } catch (MediaException e) {
            LOG.info("Cannot answer {} for {}: {}", origin.callId(), call.application(), e.getMessage());
            call.endUnanswered(e.sipStatus(), null);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Cannot answer {} for {}: {}", origin.callId(), call.application(), e.toString(), e);
            call.endUnanswered(500, null);
            return;
        }
        DialogSide side;
        try {
            side = new DialogSide(call, host, origin.answeringDialog(host.sip()), leg, SipDialog.contact(host.sip(),
                    "app-" + call.id(), invite.source().transport(), invite.source().remoteAddress()));
        } catch (Exception e) {
            leg.close();
            LOG.warn("Cannot answer {}: {}", origin.callId(), e.toString());
            call.endUnanswered(500, null);
            return;
        }
        if (!call.answered(side, () -> side.sendOk(invite.tx(), req, leg.localSdp(), offer == null))) {
            leg.close(); // cancelled meanwhile
            return;
        }
        leg.onEnded(call::legEnded);
        String application = call.application();
        CallApplication app = host.services().application(application);
        if (app == null) {
            call.hangup(); // removed while we answered
            return;
        }
        LOG.debug("Call {} ({}) answered for {}", call.id(), origin.callId(), application);
        host.host().execute("application " + application, () -> app.handle(call));
    }
}
