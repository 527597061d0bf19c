package org.switchboard.sip.internal.proxy;

import org.switchboard.sip.internal.dialog.ResponseListener;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.LocalHandling;
import org.switchboard.sip.internal.transport.ConnectionWatch;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.ServerTransactions;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.auth.Authenticator;

/**
 * The stateful proxy (RFC 3261 section 16): authenticates requests from local users (407),
 * forks to every contact of the callee, Record-Routes, detects loops, and forwards
 * in-dialog requests, ACK and CANCEL.
 */
public final class Proxy {
    private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);

    private final SipContext sip;
    private final Responses responses;
    private final TargetResolver resolver;
    private final Forwarder forwarder;
    private final CallRegistry calls;
    private final FlowToken tokens;
    private final CallRouter router;
    private final HostedCalls host;
    private final CallerAuthorization authorization;
    private final ForkLauncher forks;
    private final LocalHandling local;

    public Proxy(SipContext sip, Responses responses, Authenticator auth, TargetResolver resolver,
            CallRegistry calls, ScheduledExecutorService timers, Duration ringTimeout, ServerTransactions transactions,
            FlowToken tokens, HostedCalls host, Supplier<DialPlan> plan, ConnectionWatch connections,
            InboundPolicy inbound, LocalHandling local) {
        this.local = local;
        this.host = host;
        this.router = new CallRouter(responses, resolver, host::answer, plan);
        this.tokens = tokens;
        this.sip = sip;
        this.responses = responses;
        this.resolver = resolver;
        this.forwarder = new Forwarder(sip, auth.realm(), tokens, connections);
        this.calls = calls;
        this.authorization = new CallerAuthorization(sip, responses, auth, inbound);
        this.forks = new ForkLauncher(responses, forwarder, calls, timers, ringTimeout, transactions);
    }

    /** Any request but REGISTER, ACK and CANCEL. */
    public void onRequest(Inbound in) throws Exception {
        Request req = in.request();
        Request work = (Request) req.clone();
        RouteSet.Popped routes = RouteSet.preprocess(sip, tokens, work);
        boolean inDialog = ProxiedRequest.toTag(req) != null;
        if (!routes.remaining() && isForUs(work.getRequestURI())) {
            answerLocally(in);
            return;
        }
        if (ProxiedRequest.maxForwards(req) == 0) {
            responses.reply(in.tx(), req, 483, "Too Many Hops");
            return;
        }
        String loopHash = LoopDetector.loopHash(req, work);
        if (LoopDetector.loops(sip, req, loopHash)) {
            responses.reply(in.tx(), req, 482, "Loop Detected");
            return;
        }
        if (inDialog) {
            if (!routes.ours()) {
                // every dialog through this proxy is Record-Routed: an in-dialog request without
                // our Route was not set up here, and relaying it unauthenticated would be an open relay
                responses.reply(in.tx(), req, 404, "Not Here");
                return;
            }
            if (Request.BYE.equals(req.getMethod())) {
                calls.ended(ProxiedRequest.callId(req));
            }
            forks.fork(in, work, List.of(resolver.inDialog(work.getRequestURI(), routes.remaining(), in.source(), routes.token())),
                    false, loopHash);
            return;
        }
        if (!authorization.authorized(in, work, routes.remaining())) {
            return;
        }
        List<Target> targets;
        if (routes.remaining()) {
            targets = List.of(new Target(work.getRequestURI().toString(), List.of(), null));
        } else {
            boolean stranger = !authorization.fromLocal(req);
            if (local.handle(in, work, stranger ? null : ((SipURI) ProxiedRequest.from(req)).getUser())) {
                return;
            }
            if (router.route(in, work, ProxiedRequest.callerName(req), forks, stranger)) {
                return;
            }
            TargetResolver.Decision d = resolver.initial(work.getRequestURI(), stranger);
            if (d instanceof TargetResolver.Reject r) {
                responses.reply(in.tx(), req, r.status(), r.reason());
                return;
            }
            targets = ((TargetResolver.Forward) d).targets();
        }
        forks.callStarted(req, work);
        forks.fork(in, work, targets, ProxiedRequest.createsDialog(req.getMethod()), loopHash);
    }

    /** ACK for a 2xx (the stack absorbs ACKs for non-2xx): forwarded statelessly along the route set. */
    public void onAck(Inbound in) {
        if (host.onAck(in)) {
            return;
        }
        String toTag = ProxiedRequest.toTag(in.request());
        if (toTag != null && toTag.startsWith(Responses.LOCAL_TAG_PREFIX)) {
            return; // ACK for a final response this platform made itself (hop by hop, RFC 3261 17.1.1.3)
        }
        try {
            Request work = (Request) in.request().clone();
            RouteSet.Popped routes = RouteSet.preprocess(sip, tokens, work);
            if (!routes.ours()) {
                return; // an ACK for a response this proxy generated, or one not routed through it
            }
            Target t = resolver.inDialog(work.getRequestURI(), routes.remaining(), in.source(), routes.token());
            forwarder.sendStateless(forwarder.prepare(work, t, in.source(), false, LoopDetector.loopHash(in.request(), work), true));
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Cannot forward ACK: {}", e.toString());
        }
    }

    /** CANCEL: answered 200 here, then the pending branches of the INVITE are cancelled (16.10). */
    public void onCancel(Inbound in) {
        SIPServerTransaction invite = in.tx() instanceof SIPServerTransaction st ? st.getCanceledInviteTransaction() : null;
        Object pt = invite == null ? null : invite.getApplicationData();
        if (pt instanceof HostedCalls.Cancellable answering) {
            responses.reply(in.tx(), in.request(), 200, null);
            answering.cancelled();
            return;
        }
        if (!(pt instanceof ProxyTransaction proxyTx)) {
            responses.reply(in.tx(), in.request(), 481, "Call/Transaction Does Not Exist");
            return;
        }
        responses.reply(in.tx(), in.request(), 200, null);
        proxyTx.callerCancelled();
    }

    public void onResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response r = event.getResponse();
        if (ct == null) {
            if (!host.onStrayResponse(r)) {
                relayStray(r);
            }
            return;
        }
        if (ct.getApplicationData() instanceof Branch b) {
            b.owner.onResponse(b, r);
        } else if (ct.getApplicationData() instanceof ResponseListener l) {
            l.onResponse(ct, r);
        }
    }

    public void onTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Object data = event.getClientTransaction().getApplicationData();
        if (data instanceof Branch b) {
            b.owner.onFailure(b, 408);
        } else if (data instanceof ResponseListener l) {
            l.onTimeout(event.getClientTransaction());
        }
    }

    /** A response no transaction matches (retransmitted 2xx): forwarded statelessly by its Via. */
    private void relayStray(Response r) {
        ViaHeader top = (ViaHeader) r.getHeader(ViaHeader.NAME);
        if (top == null || top.getBranch() == null || !top.getBranch().startsWith(Forwarder.BRANCH_PREFIX)
                || !sip.isUs(top.getHost(), top.getPort(), top.getTransport())) {
            return;
        }
        Response fwd = (Response) r.clone();
        fwd.removeFirst(ViaHeader.NAME);
        if (fwd.getHeader(ViaHeader.NAME) != null) {
            responses.send(null, null, fwd);
        }
    }

    private void answerLocally(Inbound in) throws ParseException {
        Request req = in.request();
        if (!Request.OPTIONS.equals(req.getMethod())) {
            responses.reply(in.tx(), req, 404, "Not Found");
            return;
        }
        Response ok = responses.create(200, req, null);
        ok.addHeader(sip.headers().createAllowHeader(
                "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, SUBSCRIBE, NOTIFY, REFER, INFO, UPDATE, PRACK"));
        ok.addHeader(sip.headers().createAcceptHeader("application", "sdp"));
        ok.addHeader(sip.headers().createSupportedHeader("path, outbound"));
        responses.send(in.tx(), req, ok);
    }

    private boolean isForUs(URI ruri) {
        return ruri instanceof SipURI s && s.getUser() == null && sip.addressesUs(s);
    }

}
