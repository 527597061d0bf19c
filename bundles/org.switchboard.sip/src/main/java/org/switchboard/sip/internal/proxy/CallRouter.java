package org.switchboard.sip.internal.proxy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;

/**
 * Routes INVITE and MESSAGE to a local address through the dial plan: a user (with that
 * user's fallbacks on no answer, busy and reject), a call application, or a rejection.
 * Without a dial plan service the proxy routes as before, by user name only.
 */
final class CallRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CallRouter.class);

    /** Forks to targets in the request's server transaction (opened if the Inbound has none). */
    interface Forker {
        /** @return the request with its server transaction, or null for a retransmission */
        Inbound fork(Inbound in, Request work, List<Target> targets, ProxyTransaction.FallbackHook hook, int noAnswerSeconds);
    }

    /** Answers an INVITE with a call application ({@link HostedCalls#answer}). */
    interface Applications {
        /** @return false if no such application is installed (nothing was sent) */
        boolean answer(Inbound in, String application, String argument, String dialled);
    }

    private final Responses responses;
    private final TargetResolver resolver;
    private final Applications host;
    private final Supplier<DialPlan> plan;

    CallRouter(Responses responses, TargetResolver resolver, Applications host, Supplier<DialPlan> plan) {
        this.responses = responses;
        this.resolver = resolver;
        this.host = host;
        this.plan = plan;
    }

    /**
     * @param work the request with our routes removed, addressed to us
     * @param from the caller: a local user name or the caller's number
     * @return false if the dial plan does not apply: route by user name as without one
     */
    boolean route(Inbound in, Request work, String from, Forker forker, boolean stranger) {
        DialPlan dp = plan.get();
        String method = in.method();
        if (dp == null || !(Request.INVITE.equals(method) || Request.MESSAGE.equals(method))
                || !(work.getRequestURI() instanceof SipURI uri) || uri.getUser() == null
                || resolver.isRegisteredContact(uri)) {
            return false;
        }
        Decision d;
        try {
            d = dp.route(from, uri.getUser());
        } catch (RuntimeException e) {
            LOG.warn("The dial plan failed on {} -> {}; routing by user name: {}", from, uri.getUser(), e.toString());
            return false;
        }
        LOG.debug("{} -> {}: {} {}", from, uri.getUser(), d.type(), d.target());
        new Attempt(in, (Request) work.clone(), from, forker, stranger).apply(d);
        return true;
    }

    /** One call through the plan, across its fallbacks. */
    private final class Attempt implements ProxyTransaction.FallbackHook {
        private final Request pristine;
        private final String from;
        private final Forker forker;
        private Inbound in;
        private String calledUser = "";
        private List<Fallback> fallbacks = List.of();
        private int hops;
        private final boolean stranger;

        Attempt(Inbound in, Request pristine, String from, Forker forker, boolean stranger) {
            this.stranger = stranger;
            this.in = in;
            this.pristine = pristine;
            this.from = from;
            this.forker = forker;
        }

        void apply(Decision d) {
            DialPlanOutcome.Outcome o = DialPlanOutcome.of(d, in.method());
            if (o instanceof DialPlanOutcome.Refuse r) {
                if (stranger && r.status() == 404) {
                    // a caller of another domain learns nothing about which names exist (see TargetResolver)
                    responses.reply(in.tx(), in.request(), 480, "Temporarily Unavailable");
                    return;
                }
                responses.reply(in.tx(), in.request(), r.status(), r.reason());
            } else if (o instanceof DialPlanOutcome.ToApplication a) {
                application(a.name(), a.argument(), d.dialled());
            } else if (o instanceof DialPlanOutcome.ToUser u) {
                user(u);
            }
        }

        private void application(String name, String argument, String dialled) {
            if (!host.answer(in, name, argument, dialled)) {
                responses.reply(in.tx(), in.request(), 404, "No Such Application");
            }
        }

        private void user(DialPlanOutcome.ToUser u) {
            calledUser = u.user();
            fallbacks = u.fallbacks();
            Request work = (Request) pristine.clone();
            SipURI ruri = (SipURI) work.getRequestURI();
            try {
                ruri.setUser(u.user());
            } catch (java.text.ParseException | RuntimeException e) {
                responses.reply(in.tx(), in.request(), 404, "Not Found");
                return;
            }
            TargetResolver.Decision r = resolver.initial(ruri, stranger);
            if (r instanceof TargetResolver.Reject rej) {
                if (!takeOver(in, rej.status(), false)) {
                    responses.reply(in.tx(), in.request(), rej.status(), rej.reason());
                }
                return;
            }
            int noAnswer = DialPlanOutcome.noAnswerSeconds(fallbacks).orElse(0);
            Inbound opened = forker.fork(in, work, ((TargetResolver.Forward) r).targets(), fallbacks.isEmpty() ? null : this,
                    noAnswer);
            synchronized (this) {
                if (opened != null && in.tx() == null) {
                    in = opened;
                }
            }
        }

        @Override
        public synchronized boolean takeOver(Inbound opened, int status, boolean noAnswer) {
            in = opened;
            Optional<Fallback> f = DialPlanOutcome.fallbackFor(fallbacks, status, noAnswer);
            if (f.isEmpty() || ++hops > DialPlanOutcome.MAX_FALLBACK_HOPS) {
                return false;
            }
            fallbacks = List.of();
            Fallback fb = f.get();
            LOG.debug("Call to {} ended with {}{}: fallback {}", calledUser, status, noAnswer ? " (no answer)" : "", fb);
            if (fb.kind() == Fallback.Kind.APPLICATION) {
                application(fb.target(), calledUser, calledUser);
                return true;
            }
            DialPlan dp = plan.get();
            if (dp == null) {
                return false;
            }
            apply(dp.route(from, fb.target()));
            return true;
        }
    }
}
