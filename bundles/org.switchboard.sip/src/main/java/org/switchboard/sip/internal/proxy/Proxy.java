package org.switchboard.sip.internal.proxy;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.sip.internal.Inbound;
import org.switchboard.sip.internal.app.AppHost;
import org.switchboard.sip.internal.Responses;
import org.switchboard.sip.internal.ServerTransactions;
import org.switchboard.sip.internal.SipContext;
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
    private final Authenticator auth;
    private final TargetResolver resolver;
    private final Forwarder forwarder;
    private final CallRegistry calls;
    private final ScheduledExecutorService timers;
    private final Duration ringTimeout;
    private final ServerTransactions transactions;
    private final FlowToken tokens;
    private final CallRouter router;
    private final AppHost host;

    public Proxy(SipContext sip, Responses responses, Authenticator auth, TargetResolver resolver,
            CallRegistry calls, ScheduledExecutorService timers, Duration ringTimeout, ServerTransactions transactions,
            FlowToken tokens, AppHost host, Supplier<DialPlan> plan) {
        this.host = host;
        this.router = new CallRouter(responses, resolver, host::answer, plan);
        this.transactions = transactions;
        this.tokens = tokens;
        this.sip = sip;
        this.responses = responses;
        this.auth = auth;
        this.resolver = resolver;
        this.forwarder = new Forwarder(sip, auth.realm(), tokens);
        this.calls = calls;
        this.timers = timers;
        this.ringTimeout = ringTimeout;
    }

    /** Any request but REGISTER, ACK and CANCEL. */
    public void onRequest(Inbound in) throws ParseException, SipException, InvalidArgumentException {
        Request req = in.request();
        Request work = (Request) req.clone();
        RouteSet.Popped routes = RouteSet.preprocess(sip, tokens, work);
        boolean inDialog = toTag(req) != null;
        if (!routes.remaining() && isForUs(work.getRequestURI())) {
            answerLocally(in);
            return;
        }
        if (maxForwards(req) == 0) {
            responses.reply(in.tx(), req, 483, "Too Many Hops");
            return;
        }
        String loopHash = loopHash(req, work);
        if (loops(req, loopHash)) {
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
                calls.ended(callId(req));
            }
            fork(in, work, List.of(resolver.inDialog(work.getRequestURI(), routes.remaining(), in.source(), routes.token())),
                    false, loopHash);
            return;
        }
        if (!authorized(in, work, routes.remaining())) {
            return;
        }
        List<Target> targets;
        if (routes.remaining()) {
            targets = List.of(new Target(work.getRequestURI().toString(), List.of(), null));
        } else {
            if (router.route(in, work, callerName(req), this::forkRouted)) {
                return;
            }
            TargetResolver.Decision d = resolver.initial(work.getRequestURI());
            if (d instanceof TargetResolver.Reject r) {
                responses.reply(in.tx(), req, r.status(), r.reason());
                return;
            }
            targets = ((TargetResolver.Forward) d).targets();
        }
        if (Request.INVITE.equals(req.getMethod())) {
            calls.started(callId(req), address(((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI()),
                    address(work.getRequestURI()));
        }
        fork(in, work, targets, createsDialog(req.getMethod()), loopHash);
    }

    private boolean authorized(Inbound in, Request work, boolean preloadedRoute) throws ParseException {
        Request req = in.request();
        URI from = ((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI();
        boolean fromLocal = from instanceof SipURI f && sip.domains().isLocal(f.getHost());
        if (!fromLocal) {
            URI ruri = work.getRequestURI();
            boolean toLocal = sip.addressesUs(ruri);
            if (!toLocal || preloadedRoute) {
                responses.reply(in.tx(), req, 403, "Relaying Denied");
                return false;
            }
            return true;
        }
        Authenticator.Outcome outcome = auth.authenticate(req, in.source().remoteAddress(), true);
        if (outcome instanceof Authenticator.Challenge c) {
            Response challenge = responses.create(407, req, null);
            auth.challenge(challenge, sip.headers(), true, c.stale(), req);
            responses.send(in.tx(), req, challenge);
            return false;
        }
        if (!(outcome instanceof Authenticator.Authenticated a) || !a.user().equals(((SipURI) from).getUser())) {
            responses.reply(in.tx(), req, 403, "Forbidden");
            return false;
        }
        return true;
    }

    /** Forks a request the dial plan routed to a user; its transaction may be open already (a fallback). */
    private Inbound forkRouted(Inbound in, Request work, List<Target> targets, ProxyTransaction.FallbackHook hook,
            int noAnswerSeconds) {
        Request req = in.request();
        if (in.tx() == null) {
            ServerTransactions.Opened opened = transactions.open(req);
            if (opened.retransmission()) {
                return null;
            }
            in = new Inbound(req, opened.tx(), in.source());
        }
        if (Request.INVITE.equals(req.getMethod())) {
            calls.started(callId(req), address(((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI()),
                    address(work.getRequestURI()));
        }
        forkIn(in, work, targets, createsDialog(req.getMethod()), loopHash(req, work), hook, noAnswerSeconds);
        return in;
    }

    private void fork(Inbound stateless, Request work, List<Target> targets, boolean recordRoute, String loopHash) {
        ServerTransactions.Opened opened = transactions.open(stateless.request());
        if (opened.retransmission()) {
            return;
        }
        forkIn(new Inbound(stateless.request(), opened.tx(), stateless.source()), work, targets, recordRoute, loopHash,
                null, 0);
    }

    private void forkIn(Inbound in, Request work, List<Target> targets, boolean recordRoute, String loopHash,
            ProxyTransaction.FallbackHook hook, int noAnswerSeconds) {
        ProxyTransaction pt = new ProxyTransaction(in, responses, forwarder, calls);
        if (hook != null) {
            pt.fallback(hook);
        }
        boolean invite = Request.INVITE.equals(in.method());
        if (invite) {
            if (in.tx() != null) {
                in.tx().setApplicationData(pt);
            }
            responses.reply(in.tx(), in.request(), 100, "Trying");
        }
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Branch b = null;
            try {
                Forwarder.Prepared p = forwarder.prepare(work, t, in.source(), recordRoute, loopHash, i == targets.size() - 1);
                b = pt.newBranch(p);
                forwarder.send(p, b);
            } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
                LOG.debug("Cannot forward {} to {}: {}", in.method(), t.uri(), e.toString());
                if (b != null) {
                    pt.onFailure(b, 480);
                }
            }
        }
        if (invite) {
            pt.timerC(timers.schedule(pt::cancelPending, ringTimeout.toSeconds(), TimeUnit.SECONDS));
            if (noAnswerSeconds > 0) {
                pt.noAnswerTimer(timers.schedule(pt::noAnswer, noAnswerSeconds, TimeUnit.SECONDS));
            }
        }
        pt.finishWithoutBranches(480);
    }

    /** ACK for a 2xx (the stack absorbs ACKs for non-2xx): forwarded statelessly along the route set. */
    public void onAck(Inbound in) {
        if (host.onAck(in)) {
            return;
        }
        String toTag = toTag(in.request());
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
            forwarder.sendStateless(forwarder.prepare(work, t, in.source(), false, loopHash(in.request(), work), true));
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Cannot forward ACK: {}", e.toString());
        }
    }

    /** CANCEL: answered 200 here, then the pending branches of the INVITE are cancelled (16.10). */
    public void onCancel(Inbound in) {
        SIPServerTransaction invite = in.tx() instanceof SIPServerTransaction st ? st.getCanceledInviteTransaction() : null;
        Object pt = invite == null ? null : invite.getApplicationData();
        if (pt instanceof AppHost.Cancellable answering) {
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
        } else if (ct.getApplicationData() instanceof AppHost.ResponseListener l) {
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
        } else if (data instanceof AppHost.ResponseListener l) {
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

    /** RFC 3261 16.3 step 4: a Via of ours whose loop hash matches this very request means a loop. */
    private boolean loops(Request req, String hash) {
        ListIterator<?> vias = req.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader v = (ViaHeader) vias.next();
            String b = v.getBranch();
            if (b != null && b.startsWith(Forwarder.BRANCH_PREFIX) && sip.isUs(v.getHost(), v.getPort(), v.getTransport())) {
                int dot = b.indexOf('.');
                if (dot > 0 && b.substring(Forwarder.BRANCH_PREFIX.length(), dot).equals(hash)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String loopHash(Request req, Request work) {
        CSeqHeader cseq = (CSeqHeader) req.getHeader(CSeqHeader.NAME);
        int h = Objects.hash(work.getRequestURI().toString(), toTag(req),
                ((FromHeader) req.getHeader(FromHeader.NAME)).getTag(), callId(req),
                cseq == null ? 0 : cseq.getSeqNumber(), String.valueOf(work.getHeader("Route")),
                String.valueOf(req.getHeader("Proxy-Require")));
        return Integer.toHexString(h);
    }

    private static int maxForwards(Request req) {
        MaxForwardsHeader mf = (MaxForwardsHeader) req.getHeader(MaxForwardsHeader.NAME);
        return mf == null ? 70 : mf.getMaxForwards();
    }

    private static boolean createsDialog(String method) {
        return Request.INVITE.equals(method) || Request.SUBSCRIBE.equals(method) || Request.REFER.equals(method)
                || Request.NOTIFY.equals(method);
    }

    private static String toTag(Request req) {
        ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    private static String callId(Request req) {
        return ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** @return the caller as the dial plan knows it: the user part of From (a local user, or a number) */
    private static String callerName(Request req) {
        URI from = ((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI();
        return from instanceof SipURI s && s.getUser() != null ? s.getUser() : "";
    }

    private static String address(URI uri) {
        return uri instanceof SipURI s && s.getUser() != null ? s.getUser() + "@" + s.getHost() : uri.toString();
    }
}
