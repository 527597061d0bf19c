package org.switchboard.sip.internal.app;

import org.switchboard.sip.internal.dialog.ResponseListener;
import org.switchboard.sip.internal.dialog.SipDialog;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.sip.internal.dialog.NextHop;
import org.switchboard.sip.internal.proxy.ResponseSelection;
import org.switchboard.sip.internal.proxy.Target;

/**
 * The outgoing leg of {@link HostedCall#connect}: an INVITE from the platform to every device
 * of the target (forking), each with its own media leg and offer ({@code UDP/TLS/RTP/SAVPF} to
 * browsers on WebSocket flows, plain {@code RTP/AVP} to the others); the first 2xx wins and its
 * leg is bridged, the others are cancelled (or ACKed and hung up) and their legs closed; a
 * timeout cancels them all (408).
 */
final class Connector implements ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final class Branch {
        final Hop hop;
        SignalledLeg leg;
        ClientTransaction ct;
        boolean provisional;
        boolean done;
        int status;

        Branch(Hop hop) {
            this.hop = hop;
        }
    }

    private final CallContext host;
    private final HostedCall call;
    private final Duration timeout;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private final List<Branch> branches = new ArrayList<>();
    private final String callId = UUID.randomUUID() + "@switchboard";
    private final String fromTag = AppHost.TAG_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String BROWSER_PROFILE = "UDP/TLS/RTP/SAVPF";
    static final String PLAIN_PROFILE = "RTP/AVP";

    private MediaEngine engine;
    /** The leg of the branch that answered, once one has. */
    private SignalledLeg leg;
    private ScheduledFuture<?> timer;
    private boolean finished;
    private boolean timedOut;

    Connector(CallContext host, HostedCall call, Duration timeout) {
        this.host = host;
        this.call = call;
        this.timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(60) : timeout;
    }

    CompletionStage<Integer> start(String target) {
        result.whenComplete((s, e) -> call.connectEnded(this));
        ConnectTargets.Resolved r = ConnectTargets.resolve(host, call.callerUser(), target);
        if (r instanceof ConnectTargets.Status s) {
            result.complete(s.status());
        } else if (r instanceof ConnectTargets.Application a) {
            result.complete(call.handOver(a.name(), a.argument()) ? 200 : 404);
        } else {
            invite((ConnectTargets.Devices) r);
        }
        return result.minimalCompletionStage();
    }

    private synchronized void invite(ConnectTargets.Devices devices) {
        List<Target> targets = devices.targets();
        engine = host.services().engine();
        if (engine == null) {
            result.complete(503);
            return;
        }
        for (Target t : targets) {
            Branch b = new Branch(t.flow() != null ? NextHop.of(t.flow()) : null);
            branches.add(b);
            // one offer per branch: a browser needs ICE + DTLS-SRTP, a phone plain RTP
            try {
                b.leg = engine.offer(LegOptions.defaults(callId), profile(t));
            } catch (MediaException e) {
                LOG.info("connect({}) from call {}: no offer for {}: {}", devices.to(), call.id(), t.uri(), e.getMessage());
                b.done = true;
                b.status = e.sipStatus();
                continue;
            }
            try {
                b.ct = SipDialog.send(host.sip(), request(devices.to(), t, b.leg), b.hop, this);
            } catch (Exception | LinkageError e) {
                LOG.debug("Cannot send INVITE to {}: {}", t.uri(), e.toString());
                b.done = true;
                b.status = 480;
            }
        }
        timer = host.timers().schedule(this::timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
        finishIfAllFailed();
    }

    static String profile(Target t) {
        return isBrowser(t) ? BROWSER_PROFILE : PLAIN_PROFILE;
    }

    static boolean isBrowser(Target t) {
        return t.flow() != null && t.flow().transport().toUpperCase(java.util.Locale.ROOT).startsWith("WS")
                || t.uri().toLowerCase(java.util.Locale.ROOT).matches(".*;transport=wss?(;.*|>.*|$)");
    }

    private Request request(Address to, Target t, SignalledLeg offer) throws ParseException, javax.sip.InvalidArgumentException {
        var h = host.sip().headers();
        URI ruri = host.sip().addresses().createURI(t.uri());
        Address from = (Address) call.callerAddress().clone();
        Request r = host.sip().messages().createRequest(ruri, Request.INVITE, h.createCallIdHeader(callId),
                h.createCSeqHeader(1L, Request.INVITE), h.createFromHeader(from, fromTag), h.createToHeader(to, null),
                new ArrayList<>(), h.createMaxForwardsHeader(70));
        for (String p : t.path()) {
            r.addHeader(h.createRouteHeader(host.sip().addresses().createAddress(p)));
        }
        Hop hop = t.flow() != null ? NextHop.of(t.flow()) : NextHop.of(r);
        r.addHeader(h.createContactHeader(SipDialog.contact(host.sip(), "app-" + call.id(), hop.getTransport(), hop.getHost())));
        r.addHeader(h.createAllowHeader(AppHost.ALLOW));
        r.setContent(offer.localSdp(), h.createContentTypeHeader("application", "sdp"));
        return r;
    }

    @Override
    public void onResponse(ClientTransaction ct, Response r) {
        int status = r.getStatusCode();
        DialogSide won = null;
        synchronized (this) {
            Branch b = branches.stream().filter(x -> x.ct == ct).findFirst().orElse(null);
            if (b == null || b.done) {
                return;
            }
            if (status < 200) {
                b.provisional = true;
                if (finished || timedOut) {
                    cancel(b);
                }
                return;
            }
            b.done = true;
            b.status = status;
            if (status < 300) {
                won = dialogSide(r, b);
                if (won == null) {
                    return;
                }
                if (finished) {
                    won.ack(1);
                    won.bye();
                    return;
                }
                finished = true;
                stopTimer();
                leg = b.leg;
                branches.stream().filter(x -> !x.done).forEach(this::cancel);
                closeLegs(b);
            } else {
                finishIfAllFailed();
                return;
            }
        }
        won.ack(1);
        String answer = DialogSide.body(r);
        try {
            if (answer == null) {
                throw new MediaException(488, "no SDP in the 2xx");
            }
            won.leg.update(answer);
        } catch (MediaException e) {
            LOG.info("The answer of {} is not acceptable: {}", callId, e.getMessage());
            won.bye();
            leg.close();
            result.complete(488);
            return;
        }
        if (call.connected(won, engine)) {
            result.complete(200);
        } else {
            won.bye();
            leg.close();
            result.complete(487);
        }
    }

    private DialogSide dialogSide(Response r, Branch b) {
        try {
            String toTag = ((ToHeader) r.getHeader(ToHeader.NAME)).getTag();
            URI target = SipDialog.contact(r);
            Address to = ((ToHeader) r.getHeader(ToHeader.NAME)).getAddress();
            SipDialog d = new SipDialog(host.sip(), callId, call.callerAddress(), fromTag, to, toTag,
                    target != null ? target : to.getURI(), SipDialog.reversed(SipDialog.recordRoutes(r)), b.hop, 1);
            Hop hop = b.hop != null ? b.hop : NextHop.of(d.request(Request.OPTIONS, 1));
            return new DialogSide(call, host, d, b.leg, SipDialog.contact(host.sip(), "app-" + call.id(), hop.getTransport(),
                    hop.getHost()));
        } catch (Exception e) {
            LOG.debug("Bad 2xx from {}: {}", callId, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void onTimeout(ClientTransaction ct) {
        branches.stream().filter(x -> x.ct == ct && !x.done).forEach(b -> {
            b.done = true;
            b.status = 408;
        });
        finishIfAllFailed();
    }

    private void timedOut() {
        synchronized (this) {
            if (finished) {
                return;
            }
            timedOut = true;
            branches.stream().filter(x -> !x.done && x.provisional).forEach(this::cancel);
        }
        // nobody answered in time: the stage ends now, the cancelled branches follow
        finish(408);
    }

    /** The call ended while we were calling: cancel everything. */
    void abort() {
        synchronized (this) {
            if (finished) {
                return;
            }
            timedOut = true;
            branches.stream().filter(x -> !x.done && x.provisional).forEach(this::cancel);
        }
        finish(487);
    }

    private void finishIfAllFailed() {
        if (finished || branches.stream().anyMatch(x -> !x.done)) {
            return;
        }
        int best = ResponseSelection.best(branches.stream().map(x -> x.status).toList());
        finish(best < 0 ? 480 : ResponseSelection.upstreamStatus(branches.get(best).status));
    }

    private void finish(int status) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            stopTimer();
        }
        closeLegs(null);
        result.complete(status);
    }

    /** Closes the media legs of every branch but {@code keep}. */
    private void closeLegs(Branch keep) {
        List<SignalledLeg> legs;
        synchronized (this) {
            legs = branches.stream().filter(x -> x != keep && x.leg != null).map(x -> x.leg).toList();
        }
        legs.forEach(SignalledLeg::close);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void cancel(Branch b) {
        try {
            Request cancel = b.ct.createCancel();
            SipDialog.sendCancel(host.sip(), cancel, b.hop);
        } catch (Exception e) {
            LOG.debug("Could not CANCEL a branch of {}: {}", callId, e.toString());
        }
    }
}
