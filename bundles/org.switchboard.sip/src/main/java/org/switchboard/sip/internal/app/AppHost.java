package org.switchboard.sip.internal.app;

import org.switchboard.sip.internal.dialog.SipDialog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.ServerTransactions;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.proxy.HostedCalls;
import org.switchboard.sip.internal.proxy.TargetResolver;

/**
 * Hosts call applications: answers the calls the dial plan sends to one (a user agent server
 * inside the platform, with the media engine's SDP), keeps the dialogs of the calls it hosts
 * and answers their in-dialog requests, and places the outgoing legs of
 * {@link org.switchboard.api.app.ApplicationCall#connect}.
 *
 * <p>Threads: SIP events arrive on stack threads; applications are called on the host's own
 * executor ({@code switchboard-app-N}); 2xx retransmissions and timeouts run on the SIP timer.
 */
public final class AppHost implements HostedCalls, CallContext.Host {
    private static final Logger LOG = LoggerFactory.getLogger(AppHost.class);
    /** Methods a hosted call accepts. */
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";
    /** Starts the To tag of our dialogs, so that a late ACK of an ended call is recognised and dropped. */
    static final String TAG_PREFIX = Responses.LOCAL_TAG_PREFIX + "app";

    private final SipContext sip;
    private final Responses responses;
    private final ServerTransactions transactions;
    private final AppServices services;
    private final ScheduledExecutorService timers;
    private final TargetResolver resolver;
    private final ExecutorService executor;
    private final BiConsumer<String, Map<String, Object>> events;
    private final CallContext context;
    private final Map<String, DialogSide> dialogs = new ConcurrentHashMap<>();
    private final Map<String, HostedCall> calls = new ConcurrentHashMap<>();
    /** Hosted calls by Call-ID and From tag of their INVITE, for retransmitted INVITEs. */
    private final Map<String, HostedCall> byInvite = new ConcurrentHashMap<>();

    public AppHost(SipContext sip, Responses responses, ServerTransactions transactions, AppServices services,
            ScheduledExecutorService timers, TargetResolver resolver, BiConsumer<String, Map<String, Object>> events) {
        this.events = events;
        this.sip = sip;
        this.responses = responses;
        this.transactions = transactions;
        this.services = services;
        this.timers = timers;
        this.resolver = resolver;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "switchboard-app-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.context = new CallContext(sip, responses, services, timers, resolver, events, this);
    }

    /**
     * Answers an INVITE for an application.
     *
     * @param in the INVITE, with its server transaction if the proxy opened one (a fallback)
     * @param application the application's name
     * @param argument its argument (the number the dial plan matched)
     * @param dialled what the caller dialled
     * @return false if no such application is installed (nothing was sent)
     */
    @Override
    public boolean answer(Inbound in, String application, String argument, String dialled) {
        CallApplication app = services.application(application);
        if (app == null) {
            LOG.debug("No application '{}' is installed", application);
            return false;
        }
        Request req = in.request();
        ServerTransaction tx = in.tx();
        if (tx == null) {
            ServerTransactions.Opened opened = transactions.open(req);
            if (opened.retransmission()) {
                return true;
            }
            tx = opened.tx();
        }
        MediaEngine engine = services.engine();
        if (engine == null || tx == null) {
            responses.reply(tx, req, 503, engine == null ? "No Media Engine" : "Service Unavailable");
            return true;
        }
        HostedCall call = new HostedCall(context, new Inbound(req, tx, in.source()), application, argument, dialled);
        tx.setApplicationData(call);
        responses.reply(tx, req, 100, "Trying");
        call.post(org.switchboard.api.event.Topics.CALL_STARTED, null, 0);
        long delay = services.answerDelayMs(application);
        if (delay > 0) {
            responses.reply(tx, req, 180, "Ringing");
            call.answerLater(timers.schedule(() -> call.answer(engine), delay, TimeUnit.MILLISECONDS));
        } else {
            call.answer(engine);
        }
        return true;
    }

    /** @return whether the request belongs to a hosted call (and was handled) */
    public boolean onRequest(Inbound in) {
        Request req = in.request();
        String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        if (toTag == null) {
            if (Request.INVITE.equals(req.getMethod())) {
                // a retransmitted INVITE whose transaction ended with our 2xx: the 2xx again
                HostedCall c = byInvite.get(callId + "|" + ((FromHeader) req.getHeader(FromHeader.NAME)).getTag());
                if (c != null) {
                    c.resendOk();
                    return true;
                }
            }
            return false;
        }
        DialogSide side = dialogs.get(SipDialog.key(callId, toTag));
        if (side == null) {
            if (toTag.startsWith(TAG_PREFIX)) {
                responses.reply(null, req, 481, "Call/Transaction Does Not Exist");
                return true;
            }
            return false;
        }
        side.onRequest(in);
        return true;
    }

    /** @return whether an ACK belongs to a hosted call (it never goes to the proxy then) */
    @Override
    public boolean onAck(Inbound in) {
        Request req = in.request();
        String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
        if (toTag == null) {
            return false;
        }
        DialogSide side = dialogs.get(SipDialog.key(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(), toTag));
        if (side != null) {
            side.onAck(in);
            return true;
        }
        return toTag.startsWith(TAG_PREFIX);
    }

    /** A response without a transaction: a retransmitted 2xx to an INVITE we sent gets its ACK again. */
    @Override
    public boolean onStrayResponse(Response r) {
        ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
        if (via == null || via.getBranch() == null || !via.getBranch().startsWith(SipDialog.BRANCH_PREFIX)) {
            return false;
        }
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (r.getStatusCode() / 100 == 2 && Request.INVITE.equals(cseq.getMethod())) {
            String fromTag = ((FromHeader) r.getHeader(FromHeader.NAME)).getTag();
            DialogSide side = dialogs.get(SipDialog.key(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId(), fromTag));
            if (side != null) {
                side.ack(cseq.getSeqNumber());
            }
        }
        return true;
    }

    /** @return the server transaction for an in-dialog request, or null to answer statelessly */
    @Override
    public ServerTransaction open(Request req) {
        ServerTransactions.Opened o = transactions.open(req);
        return o.tx();
    }

    @Override
    public void register(HostedCall call) {
        calls.put(call.id(), call);
        byInvite.put(call.inviteKey(), call);
    }

    @Override
    public void register(DialogSide side) {
        dialogs.put(side.dialog.key(), side);
    }

    @Override
    public void unregister(HostedCall call, List<DialogSide> sides) {
        calls.remove(call.id());
        byInvite.remove(call.inviteKey(), call);
        sides.forEach(s -> dialogs.remove(s.dialog.key(), s));
    }

    @Override
    public void execute(String what, Runnable r) {
        try {
            executor.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("{} failed: {}", what, e.toString(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{} not run: the host is stopping", what);
        }
    }


    /** @return the hosted call whose caller's INVITE had this Call-ID, answered, or null */
    public HostedCall byCallId(String callId) {
        for (HostedCall c : calls.values()) {
            if (c.callId().equals(callId)) {
                return c;
            }
        }
        return null;
    }

    /** @return the hosted calls, oldest first */
    public List<HostedCall> calls() {
        List<HostedCall> out = new ArrayList<>(calls.values());
        out.sort(Comparator.comparing(HostedCall::started));
        return out;
    }

    /** Hangs up every hosted call (the SIP server stops). */
    public void close() {
        calls.values().forEach(HostedCall::hangup);
        executor.shutdown();
    }





}
