package org.switchboard.sip.internal.proxy;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.ServerTransactions;

/**
 * Sends a request to its targets in one {@link ProxyTransaction}: opens the server transaction
 * (a retransmission is dropped), answers an INVITE 100 Trying, sends one branch per target and
 * starts timer C and the no-answer timer.
 */
final class ForkLauncher implements CallRouter.Forker {
    private static final Logger LOG = LoggerFactory.getLogger(ForkLauncher.class);

    private final Responses responses;
    private final Forwarder forwarder;
    private final CallRegistry calls;
    private final ScheduledExecutorService timers;
    private final Duration ringTimeout;
    private final ServerTransactions transactions;

    ForkLauncher(Responses responses, Forwarder forwarder, CallRegistry calls, ScheduledExecutorService timers,
            Duration ringTimeout, ServerTransactions transactions) {
        this.responses = responses;
        this.forwarder = forwarder;
        this.calls = calls;
        this.timers = timers;
        this.ringTimeout = ringTimeout;
        this.transactions = transactions;
    }

    /** Forks a request the dial plan routed to a user; its transaction may be open already (a fallback). */
    @Override
    public Inbound fork(Inbound in, Request work, List<Target> targets, ProxyTransaction.FallbackHook hook,
            int noAnswerSeconds) {
        Request req = in.request();
        if (in.tx() == null) {
            ServerTransactions.Opened opened = transactions.open(req);
            if (opened.retransmission()) {
                return null;
            }
            in = new Inbound(req, opened.tx(), in.source());
        }
        callStarted(req, work);
        forkIn(in, work, targets, ProxiedRequest.createsDialog(req.getMethod()), LoopDetector.loopHash(req, work), hook,
                noAnswerSeconds);
        return in;
    }

    /** 64*T1 (RFC 3261 9.1): how long a cancelled branch may take to send its final response. */
    static final long CANCEL_TIMEOUT_MILLIS = 32_000;

    /** Forks a request that has no transaction yet. */
    void fork(Inbound stateless, Request work, List<Target> targets, boolean recordRoute, String loopHash) {
        ServerTransactions.Opened opened = transactions.open(stateless.request());
        if (opened.retransmission()) {
            return;
        }
        forkIn(new Inbound(stateless.request(), opened.tx(), stateless.source()), work, targets, recordRoute, loopHash,
                null, 0);
    }

    /** Records an INVITE as a call in progress ({@code sip:calls}). */
    void callStarted(Request req, Request work) {
        if (Request.INVITE.equals(req.getMethod())) {
            calls.started(ProxiedRequest.callId(req), ProxiedRequest.address(ProxiedRequest.from(req)),
                    ProxiedRequest.address(work.getRequestURI()));
        }
    }

    private void forkIn(Inbound in, Request work, List<Target> targets, boolean recordRoute, String loopHash,
            ProxyTransaction.FallbackHook hook, int noAnswerSeconds) {
        ProxyTransaction pt = new ProxyTransaction(in, responses, forwarder, calls);
        pt.guardCancels(timers, CANCEL_TIMEOUT_MILLIS);
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
}
