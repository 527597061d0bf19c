package org.switchboard.sip.internal;

import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.ServerTransactions;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.core.StatelessAnswers;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.UnsupportedHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.internal.app.AppHost;
import org.switchboard.sip.internal.handler.PluginRequests;
import org.switchboard.sip.internal.overload.LoadGate;
import org.switchboard.sip.internal.overload.MalformedSources;
import org.switchboard.sip.internal.proxy.Proxy;
import org.switchboard.sip.internal.registrar.Registrar;

/**
 * Receives every SIP event from the stack and hands it to the registrar or the proxy. A
 * failure while handling one message is answered with 500 and logged; it never reaches the
 * stack's worker thread.
 */
final class SipDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);

    private final SipContext sip;
    private final Responses responses;
    private final Registrar registrar;
    private final Proxy proxy;
    private final ServerTransactions transactions;
    private final AppHost host;
    private final LoadGate gate;
    private final MalformedSources malformed;
    private final PluginRequests plugins;

    SipDispatcher(SipContext sip, Responses responses, Registrar registrar, Proxy proxy,
            ServerTransactions transactions, AppHost host, LoadGate gate, MalformedSources malformed, PluginRequests plugins) {
        this.plugins = plugins;
        this.gate = gate;
        this.malformed = malformed;
        this.host = host;
        this.sip = sip;
        this.transactions = transactions;
        this.responses = responses;
        this.registrar = registrar;
        this.proxy = proxy;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        if (Request.ACK.equals(req.getMethod()) && req.getHeader("X-Switchboard-Parser-Verdict") != null) {
            return; // a malformed ACK gets no answer (RFC 3261 17.2.3)
        }
        LOG.trace("{} {} (transaction {})", req.getMethod(), req.getRequestURI(), event.getServerTransaction());
        if (Request.ACK.equals(req.getMethod())) {
            proxy.onAck(Inbound.of(event, null));
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null && answeredBefore(req)) {
            return;
        }
        if (gate.overloaded() && initial(req)) {
            gate.shed();
            Response busy = responses.create(503, req, "Service Unavailable");
            busy.addHeader(retryAfter());
            responses.send(tx, req, busy);
            return;
        }
        if (tx == null && Request.CANCEL.equals(req.getMethod())) {
            ServerTransactions.Opened opened = transactions.open(req);
            if (opened.retransmission()) {
                return;
            }
            tx = opened.tx();
        }
        Inbound in = Inbound.of(event, tx);
        try {
            RequestRules.Violation v = RequestRules.check(req, terminatesHere(req));
            // the wrapper's strict parser, which sees the raw bytes, leaves its verdict in a header
            javax.sip.header.Header verdict = req.getHeader("X-Switchboard-Parser-Verdict");
            Object flag = verdict instanceof javax.sip.header.ExtensionHeader x ? x.getValue() : null;
            if (flag instanceof String f && (f.startsWith("switchboard:malformed:") || f.startsWith("switchboard:missing-header:"))) {
                malformed.record(in.source().remoteAddress(), f.substring(f.indexOf(':', "switchboard:".length()) + 1));
            }
            if (flag instanceof String f && f.startsWith("switchboard:malformed:")) {
                responses.reply(null, req, 400, "Bad Request (" + f.substring("switchboard:malformed:".length()) + ")");
                return;
            }
            if (flag instanceof String f && f.startsWith("switchboard:missing-header:")) {
                responses.reply(tx, req, 400, "Missing " + f.substring("switchboard:missing-header:".length()));
                return;
            }
            if (v == null && "switchboard:unsupported-sip-version".equals(flag)) {
                v = new RequestRules.Violation(505, "Version Not Supported", java.util.List.of());
            }
            if (v != null) {
                Response r = responses.create(v.status(), req, v.reason());
                if (!v.unsupported().isEmpty()) {
                    for (String tag : v.unsupported()) {
                        UnsupportedHeader h = sip.headers().createUnsupportedHeader(tag);
                        r.addHeader(h);
                    }
                }
                responses.send(tx, req, r);
                return;
            }
            switch (req.getMethod()) {
                case Request.REGISTER -> registrar.register(in);
                case Request.CANCEL -> proxy.onCancel(in);
                default -> {
                    if (!host.onRequest(in) && !plugins.onInDialog(in)) {
                        proxy.onRequest(in);
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("Failed to handle {} {} from {}: {}", req.getMethod(), req.getRequestURI(), in.source(), e.toString(), e);
            responses.reply(tx, req, 500, "Server Internal Error");
        }
    }

    /** Sends a retransmitted request the response it already got; true if it was one. */
    private boolean answeredBefore(Request req) {
        StatelessAnswers.Seen seen = responses.answers().seen(req, sip.messages());
        if (seen == null) {
            return false;
        }
        Response previous = seen.response();
        if (previous == null) {
            return true; // its answer is on the way: absorb the retransmission
        }
        try {
            sip.provider().sendResponse(previous);
        } catch (javax.sip.SipException | RuntimeException e) {
            LOG.debug("Could not send the response again: {}", e.toString());
        }
        return true;
    }

    /** @return whether a request starts something new (no To tag, not ending or continuing anything) */
    static boolean initial(Request req) {
        String m = req.getMethod();
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) req.getHeader(javax.sip.header.ToHeader.NAME);
        return (to == null || to.getTag() == null) && !Request.CANCEL.equals(m) && !Request.BYE.equals(m)
                && !Request.PRACK.equals(m) && !Request.ACK.equals(m);
    }

    private javax.sip.header.RetryAfterHeader retryAfter() {
        try {
            return sip.headers().createRetryAfterHeader(gate.limits().retryAfterSeconds());
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean terminatesHere(Request req) {
        return Request.REGISTER.equals(req.getMethod())
                || req.getRequestURI() instanceof SipURI s && s.getUser() == null && sip.domains().isLocal(s.getHost());
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            proxy.onResponse(event);
        } catch (RuntimeException e) {
            LOG.warn("Failed to relay response {}: {}", event.getResponse().getStatusCode(), e.toString(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            proxy.onTimeout(event);
        } catch (RuntimeException e) {
            LOG.warn("Failed to handle a transaction timeout: {}", e.toString(), e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("Transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions clean themselves up; nothing is kept per transaction outside them
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the proxy keeps no dialogs
    }
}
