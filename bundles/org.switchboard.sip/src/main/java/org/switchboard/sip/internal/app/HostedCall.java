package org.switchboard.sip.internal.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import javax.sip.address.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.media.Bridge;
import org.switchboard.api.media.LegEndReason;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.sip.internal.proxy.HostedCalls;
import org.switchboard.sip.internal.core.Inbound;

/**
 * A call the platform answered for an application: the caller's dialog and leg, and once
 * {@link #connect} succeeded, the target's dialog and leg bridged to it. Ends once, whoever
 * ends it: BYE from either side is relayed to the other.
 */
public final class HostedCall implements ApplicationCall, HostedCalls.Cancellable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedCall.class);

    private enum State { ANSWERING, ANSWERED, ENDED }

    private final CallContext host;
    private final CallOrigin origin;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String dialled;
    private final Instant started = Instant.now();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String application;
    private volatile String argument;
    private State state = State.ANSWERING;
    private ScheduledFuture<?> answerTimer;
    private DialogSide caller;
    private DialogSide callee;
    private Connector connecting;
    private Bridge bridge;
    private final HoldMusic music = new HoldMusic();

    HostedCall(CallContext host, Inbound invite, String application, String argument, String dialled) {
        this.host = host;
        this.origin = new CallOrigin(invite);
        this.application = application;
        this.argument = argument == null ? "" : argument;
        this.dialled = dialled == null ? "" : dialled;
    }

    /** Posts a call event of this call: anchored, with its application. */
    void post(String topic, String reason, int status) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put(org.switchboard.api.event.EventKeys.CALL_ID, callId());
        p.put(org.switchboard.api.event.EventKeys.FROM, caller());
        p.put(org.switchboard.api.event.EventKeys.TO, origin.invite().request().getRequestURI().toString());
        p.put(org.switchboard.api.event.EventKeys.ANCHORED, Boolean.TRUE);
        p.put(org.switchboard.api.event.EventKeys.APPLICATION, application);
        if (reason != null) {
            p.put(org.switchboard.api.event.EventKeys.REASON, reason);
        }
        if (status > 0) {
            p.put(org.switchboard.api.event.EventKeys.STATUS, status);
        }
        host.events().accept(topic, p);
    }

    synchronized void answerLater(ScheduledFuture<?> timer) {
        this.answerTimer = timer;
    }

    /** Answers with the engine's SDP and hands the call to the application. */
    void answer(MediaEngine engine) {
        new CallAnswer(this, host, origin).answer(engine);
    }

    /**
     * The INVITE was answered: the side becomes the caller's, and the 200 goes out before anyone
     * can end the call.
     *
     * @return false if the call ended meanwhile (CANCEL)
     */
    synchronized boolean answered(DialogSide side, Runnable sendOk) {
        if (state != State.ANSWERING) {
            return false;
        }
        state = State.ANSWERED;
        caller = side;
        host.host().register(side);
        host.host().register(this);
        sendOk.run();
        post(org.switchboard.api.event.Topics.CALL_ANSWERED, null, 0);
        return true;
    }

    /** Ends the call before it was answered, with a final status to the INVITE; nothing if answered already. */
    void endUnanswered(int status, String reason) {
        synchronized (this) {
            if (state != State.ANSWERING) {
                return; // answered already: the caller will get our 200 and must BYE
            }
            state = State.ENDED;
            if (answerTimer != null) {
                answerTimer.cancel(false);
            }
        }
        host.responses().reply(origin.invite().tx(), origin.invite().request(), status, reason);
        post(org.switchboard.api.event.Topics.CALL_ENDED, "unanswered", status);
        ended.complete(null);
    }

    @Override
    public void cancelled() {
        endUnanswered(487, "Request Terminated");
    }

    /** @return Call-ID and From tag of the INVITE */
    String inviteKey() {
        return origin.inviteKey();
    }

    void resendOk() {
        DialogSide side;
        synchronized (this) {
            side = caller;
        }
        if (side != null) {
            side.resendOk();
        }
    }

    void legEnded(LegEndReason reason) {
        if (reason != LegEndReason.CLOSED) {
            LOG.info("Call {} ({}): media ended ({}), hanging up", id, callId(), reason);
            hangup();
        }
    }

    /** A BYE came from one side: the other side gets one too. */
    void byeFrom(DialogSide side) {
        end(side);
    }

    @Override
    public void hangup() {
        end(null);
    }

    private void end(DialogSide byeFrom) {
        List<DialogSide> sides = new ArrayList<>();
        Connector pending;
        synchronized (this) {
            if (state != State.ANSWERED) {
                return;
            }
            state = State.ENDED;
            sides.add(caller);
            if (callee != null) {
                sides.add(callee);
            }
            pending = connecting;
            music.stop();
            if (bridge != null) {
                bridge.close();
            }
        }
        if (pending != null) {
            pending.abort();
        }
        for (DialogSide s : sides) {
            if (s != byeFrom) {
                s.bye();
            }
            s.leg.close();
        }
        host.host().unregister(this, sides);
        LOG.debug("Call {} ({}) ended", id, callId());
        post(org.switchboard.api.event.Topics.CALL_ENDED, "bye", 0);
        ended.complete(null);
    }

    /** The target answered: bridge it to the caller. @return false if the call ended meanwhile */
    boolean connected(DialogSide side, MediaEngine engine) {
        synchronized (this) {
            connecting = null;
            if (state != State.ANSWERED) {
                return false;
            }
            callee = side;
            host.host().register(side);
            bridge = engine.bridge(caller.leg, side.leg);
        }
        side.leg.onEnded(this::legEnded);
        return true;
    }

    synchronized void connectEnded(Connector c) {
        if (connecting == c) {
            connecting = null;
        }
    }

    /** One side put the other on hold, or took it off hold: music on hold for the other side. */
    synchronized void holdChanged(DialogSide side, boolean held) {
        DialogSide other = side == caller ? callee : caller;
        if (other == null || bridge == null || state != State.ANSWERED) {
            return;
        }
        if (held) {
            music.play(host.services().musicOnHold(), other.leg);
        } else {
            music.stop();
        }
    }

    @Override
    public boolean handOver(String name, String arg) {
        CallApplication app = host.services().application(name);
        synchronized (this) {
            if (app == null || state != State.ANSWERED) {
                return false;
            }
            application = name;
            argument = arg == null ? "" : arg;
        }
        host.host().execute("application " + name, () -> app.handle(this));
        return true;
    }

    @Override
    public CompletionStage<Integer> connect(String target, Duration timeout) {
        Connector c = new Connector(host, this, timeout);
        synchronized (this) {
            if (state != State.ANSWERED || connecting != null || callee != null) {
                return CompletableFuture.completedFuture(state != State.ANSWERED ? 487 : 491);
            }
            connecting = c;
        }
        return c.start(target);
    }

    public String callId() {
        return origin.callId();
    }

    Address callerAddress() {
        return origin.callerAddress();
    }

    public Instant started() {
        return started;
    }

    public String application() {
        return application;
    }

    /** @return the connected target's address, or empty */
    public synchronized String bridgedTo() {
        return callee == null ? "" : callee.dialog.remoteAddress.getURI().toString();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String caller() {
        return callerAddress().getURI().toString();
    }

    @Override
    public String callerName() {
        return origin.callerName();
    }

    @Override
    public String callerUser() {
        return origin.callerUser(host.sip());
    }

    @Override
    public String dialled() {
        return dialled;
    }

    @Override
    public String argument() {
        return argument;
    }

    @Override
    public synchronized SignalledLeg leg() {
        return caller == null ? null : caller.leg;
    }

    @Override
    public CompletionStage<Void> ended() {
        return ended.minimalCompletionStage();
    }
}
