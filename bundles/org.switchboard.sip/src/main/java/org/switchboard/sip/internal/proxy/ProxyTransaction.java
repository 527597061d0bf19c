package org.switchboard.sip.internal.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;

/**
 * The response context of one forwarded request (RFC 3261 section 16.7): relays provisional
 * and 2xx responses at once, cancels the other branches when an INVITE is answered, and
 * sends the best final response once every branch has one.
 */
final class ProxyTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyTransaction.class);

    private final Inbound in;
    private final Responses responses;
    private final Forwarder forwarder;
    private final CallRegistry calls;
    private final boolean invite;
    private final List<Branch> branches = new ArrayList<>();
    private boolean finalSent;
    private boolean answered;
    private ScheduledFuture<?> timerC;
    private ScheduledFuture<?> noAnswerTimer;
    private FallbackHook fallback;
    private boolean noAnswer;
    private boolean callerCancelled;
    private ScheduledExecutorService timers;
    private long cancelTimeoutMillis;

    /** Takes over a call that ended without an answer (the callee's dial-plan fallbacks). */
    interface FallbackHook {
        /**
         * @param in the caller's request with its server transaction (a fast final response
         *        can arrive before the forker has returned it)
         * @param status the final status the caller would get
         * @param noAnswer whether the no-answer timer cancelled the branches
         * @return true if it took the call over: the status is not sent
         */
        boolean takeOver(Inbound in, int status, boolean noAnswer);
    }

    ProxyTransaction(Inbound in, Responses responses, Forwarder forwarder, CallRegistry calls) {
        this.in = in;
        this.responses = responses;
        this.forwarder = forwarder;
        this.calls = calls;
        this.invite = Request.INVITE.equals(in.method());
    }

    synchronized Branch newBranch(Forwarder.Prepared p) {
        Branch b = new Branch(this, p.request(), p.hop());
        branches.add(b);
        return b;
    }

    /**
     * A cancelled branch that sends no final response within the timeout ends by itself (RFC 3261
     * 9.1: after 64*T1 the original transaction is considered cancelled), so that the caller still
     * gets a final response (487, or 408 after timer C; 16.10) from a callee that ignores CANCEL.
     */
    synchronized void guardCancels(ScheduledExecutorService scheduler, long timeoutMillis) {
        this.timers = scheduler;
        this.cancelTimeoutMillis = timeoutMillis;
    }

    synchronized void timerC(ScheduledFuture<?> f) {
        this.timerC = f;
    }

    synchronized void fallback(FallbackHook hook) {
        this.fallback = hook;
    }

    synchronized void noAnswerTimer(ScheduledFuture<?> f) {
        this.noAnswerTimer = f;
    }

    /** The no-answer fallback's timer fired: cancel the branches, then the fallback takes over. */
    synchronized void noAnswer() {
        if (!finalSent && !answered && !callerCancelled) {
            noAnswer = true;
            cancelPending();
        }
    }

    /** The caller sent CANCEL: no fallback may answer any more. */
    synchronized void callerCancelled() {
        callerCancelled = true;
        cancelPending();
    }

    synchronized void onResponse(Branch b, Response r) {
        int status = r.getStatusCode();
        if (status == 100 || b.done && status < 200) {
            return;
        }
        Response fwd = (Response) r.clone();
        fwd.removeFirst(ViaHeader.NAME);
        if (status < 200) {
            b.provisional = true;
            if (b.cancelRequested && !b.cancelSent) {
                sendCancel(b);
            }
            if (invite && (status == 180 || status == 183)) {
                calls.ringing(callId());
            }
            if (!finalSent) {
                responses.send(in.tx(), in.request(), fwd);
            }
            return;
        }
        b.done = true;
        b.stopWatching();
        if (status < 300) {
            relay2xx(fwd);
            return;
        }
        b.status = status;
        b.response = fwd;
        if (status >= 600) {
            cancelPending();
        }
        finishIfComplete();
    }

    private void relay2xx(Response fwd) {
        boolean first = !finalSent;
        finalSent = true;
        if (first) {
            responses.send(in.tx(), in.request(), fwd);
        } else {
            responses.send(null, in.request(), fwd); // more 2xx from other forks go upstream too (16.7 step 5)
        }
        if (invite) {
            answered = true;
            calls.answered(callId());
            cancelPending();
            stopTimerC();
        }
    }

    /** A branch ended without a response: timeout (408) or transport failure. */
    synchronized void onFailure(Branch b, int status) {
        if (b.done) {
            return;
        }
        b.done = true;
        b.stopWatching();
        b.status = status;
        finishIfComplete();
    }

    /**
     * The connection the branch went over closed before its final response (RFC 5626 5.3, the
     * flow failed): no response can come any more, and a CANCEL could not be sent either. It
     * ends as 480, like a device that is not reachable (487 if it was being cancelled), and its
     * client transaction goes.
     */
    synchronized void onFlowFailed(Branch b) {
        if (b.done) {
            return;
        }
        int status = b.cancelRequested ? 487 : 480;
        LOG.info("The connection of branch {} of call {} closed before a final response: the branch ends with {}",
                b.request.getRequestURI(), callId(), status);
        b.unwatch = null;
        try {
            if (b.ct != null) {
                b.ct.terminate();
            }
        } catch (javax.sip.ObjectInUseException | RuntimeException e) {
            LOG.debug("Could not terminate the transaction of a failed flow: {}", e.toString());
        }
        onFailure(b, status);
    }

    synchronized void cancelPending() {
        for (Branch b : branches) {
            if (!b.done && !b.cancelRequested) {
                b.cancelRequested = true;
                if (b.provisional || !invite) {
                    sendCancel(b);
                }
            }
        }
    }

    private void sendCancel(Branch b) {
        if (!invite || b.ct == null) {
            return; // non-INVITE requests cannot be cancelled (RFC 3261 9.1)
        }
        b.cancelSent = true;
        try {
            forwarder.cancel(b);
        } catch (SipException | RuntimeException e) {
            LOG.debug("Could not CANCEL branch {}: {}", b.request.getRequestURI(), e.toString());
        }
        if (timers != null) {
            try {
                timers.schedule(() -> cancelUnanswered(b), cancelTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("The SIP server is stopping: no guard for the CANCEL of {}", callId());
            }
        }
    }

    /** The callee did not end a cancelled branch with a final response in time: it ends here. */
    private synchronized void cancelUnanswered(Branch b) {
        if (b.done) {
            return;
        }
        int status = callerCancelled ? 487 : 408;
        LOG.info("Branch {} of call {} sent no final response to CANCEL within {} ms: it ends with {}",
                b.request.getRequestURI(), callId(), cancelTimeoutMillis, status);
        try {
            if (b.ct != null) {
                b.ct.terminate();
            }
        } catch (javax.sip.ObjectInUseException | RuntimeException e) {
            LOG.debug("Could not terminate the transaction of an unanswered CANCEL: {}", e.toString());
        }
        onFailure(b, status);
    }

    private void finishIfComplete() {
        if (finalSent || branches.stream().anyMatch(x -> !x.done)) {
            return;
        }
        finalSent = true;
        stopTimerC();
        List<Integer> statuses = branches.stream().map(x -> x.status).toList();
        int best = ResponseSelection.best(statuses);
        Branch chosen = best < 0 ? null : branches.get(best);
        int upstream = chosen == null ? 480 : ResponseSelection.upstreamStatus(chosen.status);
        if (invite && !answered && !callerCancelled && fallback != null && fallback.takeOver(in, upstream, noAnswer)) {
            calls.failed(callId(), upstream, "diverted"); // this attempt is over; the fallback records its own call
            return;
        }
        if (chosen != null && chosen.response != null && chosen.status != 503) {
            responses.send(in.tx(), in.request(), chosen.response);
        } else {
            int status = chosen == null ? 480 : ResponseSelection.upstreamStatus(chosen.status);
            responses.reply(in.tx(), in.request(), status, null);
        }
        if (invite && !answered) {
            calls.failed(callId(), chosen != null && chosen.response != null && chosen.status != 503 ? chosen.status : upstream,
                    "unanswered");
        }
    }

    private void stopTimerC() {
        if (timerC != null) {
            timerC.cancel(false);
        }
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel(false);
        }
    }

    /** Called when no branch could even be sent. */
    synchronized void finishWithoutBranches(int status) {
        if (branches.isEmpty() && !finalSent) {
            finalSent = true;
            responses.reply(in.tx(), in.request(), status, null);
            if (invite) {
                calls.failed(callId(), status, "unanswered");
            }
        } else {
            finishIfComplete();
        }
    }

    private String callId() {
        return ((CallIdHeader) in.request().getHeader(CallIdHeader.NAME)).getCallId();
    }
}
