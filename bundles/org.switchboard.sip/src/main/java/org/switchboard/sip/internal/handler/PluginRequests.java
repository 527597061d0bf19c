package org.switchboard.sip.internal.handler;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.handler.SipRequestHandler;
import org.switchboard.api.sip.subscription.EventPackage;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.LocalHandling;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;

/**
 * Hands the requests that plugins serve to them: SUBSCRIBE for a served event package (the core
 * keeps the dialog, {@link Subscriptions}), PUBLISH for a served package, and any method a
 * {@link SipRequestHandler} is registered for. Only requests to an existing local user reach a
 * plugin, and only after the proxy has authenticated the sender; everything else goes on to the
 * proxy as before.
 */
public final class PluginRequests implements LocalHandling {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRequests.class);
    static final long ANSWER_WITHIN_SECONDS = 30;

    private final SipContext sip;
    private final Responses responses;
    private final ScheduledExecutorService timers;
    private final Predicate<String> userExists;
    private final PluginRegistry plugins;
    private final Subscriptions subscriptions;

    public PluginRequests(SipContext sip, Responses responses, ScheduledExecutorService timers, Predicate<String> userExists,
            PluginRegistry plugins, SubscribeRules rules) {
        this.sip = sip;
        this.responses = responses;
        this.timers = timers;
        this.userExists = userExists;
        this.plugins = plugins;
        this.subscriptions = new Subscriptions(sip, responses, timers, plugins::eventPackage, rules, java.time.Clock.systemUTC());
        plugins.onPackageGone(subscriptions::packageGone);
    }

    /** @return the subscriptions kept for the plugins' event packages */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** In-dialog requests of our subscriptions (refresh, unsubscribe). */
    public boolean onInDialog(Inbound in) throws Exception {
        return subscriptions.onRequest(in);
    }

    @Override
    public boolean handle(Inbound in, Request work, String sender) throws Exception {
        // on every request that starts something: the cheap map lookups first, so that a method no
        // plugin serves (INVITE, REGISTER-like traffic) costs nothing more
        Request req = in.request();
        String method = req.getMethod();
        boolean subscribe = Request.SUBSCRIBE.equals(method);
        String event = subscribe || Request.PUBLISH.equals(method) ? Subscriptions.event(req) : null;
        EventPackage pkg = subscribe ? plugins.eventPackage(event) : null;
        SipRequestHandler handler = pkg != null ? null : plugins.handler(method, Request.PUBLISH.equals(method) ? event : null);
        if (pkg == null && handler == null) {
            return false;
        }
        if (((ToHeader) req.getHeader(ToHeader.NAME)).getTag() != null
                || !(work.getRequestURI() instanceof SipURI uri) || uri.getUser() == null || !sip.addressesUs(uri)
                || !userExists.test(uri.getUser())) {
            return false;
        }
        if (pkg != null) {
            subscriptions.subscribe(in, uri.getUser(), sender, pkg);
        } else {
            call(handler, new IncomingRequest(in, uri.getUser(), sender, sip, responses));
        }
        return true;
    }

    private void call(SipRequestHandler handler, IncomingRequest request) {
        // until it is answered (at once or later, from another thread), retransmissions wait for the answer
        responses.answers().pending(request.raw());
        try {
            handler.handle(request);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The {} handler {} failed on {}: {}", request.method(), handler.getClass().getName(), request.callId(),
                    e.toString(), e);
            request.respond(500, "Server Internal Error");
            return;
        }
        if (!request.answered()) {
            timers.schedule(() -> {
                if (request.respond(500, "Handler Did Not Answer")) {
                    LOG.warn("The {} handler {} did not answer {} within {} s: answered 500", request.method(),
                            handler.getClass().getName(), request.callId(), ANSWER_WITHIN_SECONDS);
                }
            }, ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        }
    }
}
