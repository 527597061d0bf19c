package org.switchboard.sip.internal.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.subscription.EventPackage;
import org.switchboard.api.sip.subscription.Notifier;
import org.switchboard.api.sip.subscription.Subscription;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.dialog.ResponseListener;
import org.switchboard.sip.internal.dialog.SipDialog;
import org.switchboard.sip.internal.dialog.NextHop;

/**
 * The notifier side of RFC 6665 for the event packages plugins serve: answers SUBSCRIBE
 * (initial, refresh, fetch and unsubscribe), sends NOTIFY in the subscription's dialog, and ends
 * subscriptions on expiry, on a NOTIFY failure (481, timeout) and when their package goes.
 * Bounded: at most {@code capacity} subscriptions; beyond that a new one gets 503.
 */
public final class Subscriptions implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    static final String TAG_PREFIX = "sbs";

    private final SipContext sip;
    private final Responses responses;
    private final ScheduledExecutorService timers;
    private final Function<String, EventPackage> packages;
    private final SubscribeRules rules;
    private final Clock clock;
    private final Map<String, ActiveSubscription> byDialog = new ConcurrentHashMap<>();
    private final Map<String, Set<ActiveSubscription>> byResource = new ConcurrentHashMap<>();

    public Subscriptions(SipContext sip, Responses responses, ScheduledExecutorService timers,
            Function<String, EventPackage> packages, SubscribeRules rules, Clock clock) {
        this.sip = sip;
        this.responses = responses;
        this.timers = timers;
        this.packages = packages;
        this.rules = rules;
        this.clock = clock;
    }

    /** @return the event package a SUBSCRIBE names, lower case, or null */
    static String event(Request req) {
        EventHeader e = (EventHeader) req.getHeader(EventHeader.NAME);
        return e == null || e.getEventType() == null ? null : e.getEventType().toLowerCase(Locale.ROOT);
    }

    /** An initial SUBSCRIBE (no To tag) for a package a plugin serves, to a local user. */
    void subscribe(Inbound in, String resource, String subscriber, EventPackage pkg) throws Exception {
        Request req = in.request();
        SubscribeRules.Verdict v = rules.check(req, pkg);
        if (v.status() != 0) {
            reply(in, v);
            return;
        }
        URI target = SipDialog.contact(req);
        FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
        if (target == null || from.getTag() == null) {
            responses.reply(in.tx(), req, 400, target == null ? "Missing Contact" : "Missing From tag");
            return;
        }
        EventHeader eh = (EventHeader) req.getHeader(EventHeader.NAME);
        String event = event(req);
        SipDialog dialog = new SipDialog(sip, ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(),
                (Address) ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().clone(),
                TAG_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                (Address) from.getAddress().clone(), from.getTag(), target, SipDialog.recordRoutes(req),
                NextHop.of(in.source()), 0);
        Address contact = SipDialog.contact(sip, null, in.source().transport(), in.source().remoteAddress());
        ActiveSubscription sub = new ActiveSubscription(event, eh.getEventId(), resource, subscriber,
                from.getAddress().getURI().toString(), dialog, contact, clock.instant().plusSeconds(v.expires()));
        if (!pkg.authorize(sub)) {
            responses.reply(in.tx(), req, 403, "Forbidden");
            return;
        }
        if (v.expires() > 0 && byDialog.size() >= rules.capacity()) {
            LOG.warn("{} subscriptions are kept, the most allowed (subscriptions.max): refusing one more with 503", byDialog.size());
            reply(in, new SubscribeRules.Verdict(503, "Too Many Subscriptions", 0, null));
            return;
        }
        pkg.subscribed(sub, contentType(req), body(req));
        answer(in, dialog.localTag, contact, v.expires());
        if (v.expires() == 0) {
            notify(sub, pkg, "terminated;reason=timeout");
            return;
        }
        byDialog.put(dialog.key(), sub);
        byResource.computeIfAbsent(sub.watched(), k -> ConcurrentHashMap.newKeySet()).add(sub);
        schedule(sub, v.expires());
        notify(sub, pkg, "active;expires=" + v.expires());
    }

    /** A SUBSCRIBE in one of our subscription dialogs: refresh or unsubscribe. False if it is not ours. */
    boolean onRequest(Inbound in) throws Exception {
        Request req = in.request();
        String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
        if (toTag == null || !toTag.startsWith(TAG_PREFIX) || !Request.SUBSCRIBE.equals(req.getMethod())) {
            return false;
        }
        ActiveSubscription sub = byDialog.get(SipDialog.key(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(), toTag));
        EventPackage pkg = sub == null ? null : packages.apply(sub.event());
        if (sub == null || pkg == null || !sub.event().equals(event(req))) {
            responses.reply(in.tx(), req, 481, "Subscription Does Not Exist");
            return true;
        }
        SubscribeRules.Verdict v = rules.check(req, pkg);
        if (v.status() != 0) {
            reply(in, v);
            return true;
        }
        pkg.subscribed(sub, contentType(req), body(req));
        answer(in, toTag, sub.contact, v.expires());
        if (v.expires() == 0) {
            end(sub, "timeout");
        } else {
            schedule(sub, v.expires());
            notify(sub, pkg, "active;expires=" + v.expires());
        }
        return true;
    }

    private void schedule(ActiveSubscription sub, int seconds) {
        sub.renew(clock.instant().plusSeconds(seconds), timers.schedule(() -> end(sub, "timeout"), seconds, TimeUnit.SECONDS));
    }

    private void answer(Inbound in, String tag, Address contact, int expires) throws Exception {
        Response ok = responses.create(200, in.request(), null);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(tag);
        ok.addHeader(sip.headers().createContactHeader(contact));
        ok.addHeader(sip.headers().createExpiresHeader(expires));
        responses.send(in.tx(), in.request(), ok);
    }

    private void reply(Inbound in, SubscribeRules.Verdict v) throws Exception {
        Response r = responses.create(v.status(), in.request(), v.reason());
        if (v.header() != null) {
            r.addHeader(sip.headers().createHeader(v.header().getKey(), v.header().getValue()));
        }
        responses.send(in.tx(), in.request(), r);
    }

    /** Ends a subscription with a final NOTIFY carrying the reason. */
    void end(ActiveSubscription sub, String reason) {
        if (!forget(sub)) {
            return;
        }
        EventPackage pkg = packages.apply(sub.event());
        notify(sub, pkg, "terminated;reason=" + reason);
    }

    private boolean forget(ActiveSubscription sub) {
        if (!sub.end()) {
            return false;
        }
        byDialog.remove(sub.dialog.key(), sub);
        byResource.computeIfPresent(sub.watched(), (k, set) -> {
            set.remove(sub);
            return set.isEmpty() ? null : set;
        });
        return true;
    }

    private void notify(ActiveSubscription sub, EventPackage pkg, String state) {
        try {
            Request r = sub.dialog.request(Request.NOTIFY);
            r.addHeader(sip.headers().createHeader(EventHeader.NAME,
                    sub.event() + sub.eventId().map(id -> ";id=" + id).orElse("")));
            r.addHeader(sip.headers().createHeader("Subscription-State", state));
            r.addHeader(sip.headers().createContactHeader(sub.contact));
            byte[] body = pkg == null ? null : pkg.state(sub);
            if (body != null && body.length > 0) {
                r.setContent(body, (ContentTypeHeader) sip.headers().createHeader(ContentTypeHeader.NAME, pkg.contentType()));
            }
            sub.dialog.send(r, new ResponseListener() {
                @Override
                public void onResponse(ClientTransaction ct, Response response) {
                    if (response.getStatusCode() >= 300) {
                        LOG.debug("NOTIFY of {} got {}: the subscription ends", sub, response.getStatusCode());
                        forget(sub);
                    }
                }

                @Override
                public void onTimeout(ClientTransaction ct) {
                    LOG.debug("NOTIFY of {} timed out: the subscription ends", sub);
                    forget(sub);
                }
            });
        } catch (Exception | LinkageError e) {
            LOG.warn("Could not send the NOTIFY of {} ({}): the subscription ends", sub, e.toString());
            forget(sub);
        }
    }

    private static String contentType(Request req) {
        ContentTypeHeader ct = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        return ct == null ? null : ct.getContentType() + "/" + ct.getContentSubType();
    }

    private static byte[] body(Request req) {
        byte[] b = req.getRawContent();
        return b == null ? new byte[0] : b;
    }

    @Override
    public int changed(String event, String resource) {
        String e = event.toLowerCase(Locale.ROOT);
        EventPackage pkg = packages.apply(e);
        Set<ActiveSubscription> subs = byResource.get(ActiveSubscription.watched(e, resource));
        if (pkg == null || subs == null) {
            return 0;
        }
        int n = 0;
        Instant now = clock.instant();
        for (ActiveSubscription s : List.copyOf(subs)) {
            long left = Math.max(1, Duration.between(now, s.expires()).toSeconds());
            notify(s, pkg, "active;expires=" + left);
            n++;
        }
        return n;
    }

    @Override
    public List<Subscription> subscriptions(String event, String resource) {
        Set<ActiveSubscription> subs = byResource.get(ActiveSubscription.watched(event.toLowerCase(Locale.ROOT), resource));
        return subs == null ? List.of() : List.copyOf(subs);
    }

    @Override
    public int terminate(String event, String resource, String reason) {
        Set<ActiveSubscription> subs = byResource.get(ActiveSubscription.watched(event.toLowerCase(Locale.ROOT), resource));
        int n = 0;
        for (ActiveSubscription s : subs == null ? List.<ActiveSubscription>of() : List.copyOf(subs)) {
            end(s, reason);
            n++;
        }
        return n;
    }

    /** Ends every subscription of a package whose service went away (its plugin was uninstalled). */
    void packageGone(String event) {
        for (ActiveSubscription s : List.copyOf(byDialog.values())) {
            if (s.event().equals(event) && forget(s)) {
                notify(s, null, "terminated;reason=noresource"); // the final NOTIFY has no body: its package is gone
            }
        }
    }

    /** @return how many subscriptions are kept */
    public int size() {
        return byDialog.size();
    }
}
