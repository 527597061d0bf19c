package org.switchboard.sip.internal.handler;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.send.Delivery;
import org.switchboard.api.sip.send.OutgoingRequest;
import org.switchboard.api.sip.send.SipSender;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.dialog.ResponseListener;
import org.switchboard.sip.internal.dialog.SipDialog;
import org.switchboard.sip.internal.dialog.NextHop;
import org.switchboard.sip.internal.proxy.Target;
import org.switchboard.sip.internal.proxy.TargetResolver;

/**
 * Sends a plugin's MESSAGE or NOTIFY to every registered device of a user, in parallel, each in
 * its own client transaction over the device's flow when it has one. At most {@code maxInFlight}
 * deliveries wait for answers at once; beyond that a delivery fails at once with 503.
 */
public final class DeviceSender implements SipSender {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSender.class);

    private final SipContext sip;
    private final TargetResolver resolver;
    private final Semaphore inFlight;

    public DeviceSender(SipContext sip, TargetResolver resolver, int maxInFlight) {
        this.sip = sip;
        this.resolver = resolver;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public CompletionStage<List<Delivery>> send(OutgoingRequest request) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (!Request.MESSAGE.equals(method) && !Request.NOTIFY.equals(method)) {
            throw new IllegalArgumentException("only MESSAGE and NOTIFY are sent to devices, not " + request.method());
        }
        if (Request.NOTIFY.equals(method) && request.headers().keySet().stream().noneMatch(h -> "event".equalsIgnoreCase(h))) {
            throw new IllegalArgumentException("a NOTIFY needs an Event header");
        }
        URI aor;
        try {
            aor = sip.addresses().createURI(sip.domains().aor(request.user()));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a user name: " + request.user(), e);
        }
        TargetResolver.Decision d = resolver.initial(aor);
        if (d instanceof TargetResolver.Reject r) {
            if (r.status() == 404) {
                throw new IllegalArgumentException("no such user: " + request.user());
            }
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<Delivery>> each = new ArrayList<>();
        for (Target t : ((TargetResolver.Forward) d).targets()) {
            each.add(deliver(method, request, aor, t));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Delivery> deliver(String method, OutgoingRequest o, URI aor, Target t) {
        CompletableFuture<Delivery> done = new CompletableFuture<>();
        if (!inFlight.tryAcquire()) {
            done.complete(new Delivery(t.uri(), 503, "Too Many Requests In Flight"));
            return done;
        }
        AtomicBoolean released = new AtomicBoolean();
        done.whenComplete((r, e) -> {
            if (released.compareAndSet(false, true)) {
                inFlight.release();
            }
        });
        try {
            Request r = request(method, o, aor, t);
            SipDialog.send(sip, r, t.flow() != null ? NextHop.of(t.flow()) : null, new ResponseListener() {
                @Override
                public void onResponse(ClientTransaction ct, Response response) {
                    if (response.getStatusCode() >= 200) {
                        done.complete(new Delivery(t.uri(), response.getStatusCode(), response.getReasonPhrase()));
                    }
                }

                @Override
                public void onTimeout(ClientTransaction ct) {
                    done.complete(new Delivery(t.uri(), 408, "Request Timeout"));
                }
            });
        } catch (Exception | LinkageError e) {
            LOG.debug("Could not send {} to {}: {}", method, t.uri(), e.toString());
            done.complete(new Delivery(t.uri(), 503, "Service Unavailable"));
        }
        return done;
    }

    private Request request(String method, OutgoingRequest o, URI aor, Target t) throws Exception {
        var h = sip.headers();
        Address from = sip.addresses().createAddress(o.from() != null ? o.from() : "sip:" + sip.domains().canonical());
        Request r = sip.messages().createRequest(sip.addresses().createURI(t.uri()), method,
                h.createCallIdHeader(UUID.randomUUID().toString()), h.createCSeqHeader(1L, method),
                h.createFromHeader(from, Long.toHexString(UUID.randomUUID().getMostSignificantBits())),
                h.createToHeader(sip.addresses().createAddress(aor), null), new ArrayList<>(), h.createMaxForwardsHeader(70));
        for (String p : t.path()) {
            r.addHeader((RouteHeader) h.createRouteHeader(sip.addresses().createAddress(p)));
        }
        for (Map.Entry<String, String> e : o.headers().entrySet()) {
            r.addHeader(h.createHeader(Headers.fullName(e.getKey()), e.getValue()));
        }
        if (o.contentType() != null) {
            r.setContent(o.body(), (ContentTypeHeader) h.createHeader(ContentTypeHeader.NAME, o.contentType()));
        }
        return r;
    }
}
