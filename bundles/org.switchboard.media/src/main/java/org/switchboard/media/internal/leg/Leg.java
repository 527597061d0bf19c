package org.switchboard.media.internal.leg;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.switchboard.api.media.AudioFrame;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;
import org.switchboard.api.media.DtmfEvent;
import org.switchboard.api.media.LegEndReason;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.api.media.MediaException;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.MediaStats;
import org.switchboard.api.media.PlayResult;
import org.switchboard.api.media.RecordOptions;
import org.switchboard.api.media.RecordResult;
import org.switchboard.api.media.Subscription;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.dtmf.DtmfReceiver;
import org.switchboard.media.internal.dtmf.DtmfSender;
import org.switchboard.media.internal.jitter.JitterBuffer;
import org.switchboard.media.internal.jitter.JitterStats;
import org.switchboard.media.internal.pipeline.NodeStats;
import org.switchboard.media.internal.pipeline.OutFrame;
import org.switchboard.media.internal.rtp.RtcpSession;
import org.switchboard.media.internal.rtp.RtcpStats;
import org.switchboard.media.internal.transport.LegSocket;
import org.switchboard.media.internal.transport.PacketSecurity;

/**
 * One media leg. SDP state changes under the leg's lock (signalling threads); packets come in on
 * an I/O thread through the {@link InboundChain}; everything else runs on the clock thread:
 * {@link Playout} (jitter buffer and decoder), {@link Primitives} (what applications run on the
 * leg), the {@link OutboundChain} and the {@link RtcpChannel}.
 */
public final class Leg implements SignalledLeg, MediaClock.Client {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Leg.class);
    private final String id;
    private final LegContext ctx;
    private final LegClock clock;
    private final Signalling signalling;
    private final LegSocket socket;
    private final PacketSecurity security;
    private final JitterBuffer jitter = new JitterBuffer(8000);
    private final Playout playout;
    private final Primitives primitives;
    private final InboundChain inbound;
    private final OutboundChain outbound;
    private final RtcpChannel rtcp;
    private final List<Consumer<LegEndReason>> endListeners = new CopyOnWriteArrayList<>();
    private final long timeoutMs;
    private final short[] mixOut = new short[OutFrame.SAMPLES];
    private volatile Mixer mixer;
    private volatile long lastActivity;
    private volatile InetSocketAddress remote;
    private volatile boolean ended;
    private volatile LegEndReason endReason;

    Leg(String id, LegContext ctx, Signalling signalling, LegSocket socket, PacketSecurity security, Duration timeout) {
        this.id = id;
        this.ctx = ctx;
        this.clock = new LegClock(ctx.clocks().leastLoaded());
        this.playout = new Playout(jitter, ctx.codecWorkers());
        this.signalling = signalling;
        this.socket = socket;
        this.security = security;
        this.timeoutMs = (timeout == null ? ctx.rtpTimeout() : timeout).toMillis();
        DtmfSender dtmfOut = new DtmfSender();
        this.primitives = new Primitives(ctx, clock, id, this::ended, dtmfOut);
        DtmfReceiver receiver = new DtmfReceiver((digit, samples) -> primitives.digit(
                new DtmfEvent(digit, Duration.ofMillis(samples * 1000L / clockRate()), DtmfEvent.Source.RTP)));
        this.rtcp = new RtcpChannel(this, RtcpSession.random(), security, socket);
        this.inbound = new InboundChain(this, security, receiver, jitter, rtcp);
        this.outbound = new OutboundChain(this, dtmfOut, security, socket, rtcp.session());
        this.lastActivity = clock.now();
    }

    Signalling signalling() {
        return signalling;
    }

    void start() {
        clock.shard().add(this);
    }

    /** @return where this leg ticks now, and where its commands go */
    LegClock clock() {
        return clock;
    }

    void onRtp(java.nio.ByteBuffer datagram, InetSocketAddress from) {
        inbound.receive(datagram, from, false);
    }

    void onRtcp(java.nio.ByteBuffer datagram, InetSocketAddress from) {
        inbound.receive(datagram, from, true);
    }

    // ---- state read by the chains

    int payloadType() {
        return signalling.negotiated() == null ? -1 : signalling.negotiated().payloadType();
    }

    int telephoneEventPt() {
        return signalling.negotiated() == null ? -1 : signalling.negotiated().telephoneEvent();
    }

    int clockRate() {
        return signalling.negotiated() == null ? 8000 : signalling.negotiated().clockRate();
    }

    /** @return this leg's instance of the negotiated codec (clock thread: codecs may keep state) */
    AudioCodec codecInstance() {
        return playout.codec(signalling.negotiated().codec());
    }

    /** @return the worker lane of the negotiated codec when it is an expensive one (Opus), else null */
    org.switchboard.media.internal.codec.CodecLane codecLane() {
        return playout.lane(signalling.negotiated().codec());
    }

    boolean receiving() {
        return signalling.negotiated() != null && signalling.negotiated().direction().receives();
    }

    long clockMillis() {
        return clock.now();
    }

    void activity() {
        lastActivity = clock.now();
    }

    /** Symmetric RTP: send to where the peer's RTP comes from (NAT). */
    void latch(InetSocketAddress from) {
        if (!from.equals(remote)) {
            remote = from;
        }
    }

    /** Where RTP goes: the security layer's choice (the ICE-selected address), else the SDP's or latched one. */
    InetSocketAddress destination() {
        InetSocketAddress selected = security.remoteAddress();
        return selected != null ? selected : remote;
    }

    void remote(InetSocketAddress address, InetSocketAddress rtcpAddress, int clockRate) {
        jitter.clockRate(clockRate);
        remote = address;
        rtcp.remote(rtcpAddress);
        activity();
    }

    // ---- mixing

    synchronized void join(Mixer m) {
        if (ended) {
            throw new MediaException(481, "leg " + id + " has ended");
        }
        if (mixer != null && !mixer.closed()) {
            throw new MediaException(409, "leg " + id + " is already bridged or in a conference");
        }
        mixer = m;
    }

    synchronized void leave(Mixer m) {
        if (mixer == m) {
            mixer = null;
        }
    }

    void hasReceivedForTest(boolean value) {
        playout.hasReceived(value);
    }

    boolean hasReceived() {
        return playout.hasReceived();
    }

    short[] received() {
        return playout.received();
    }

    short[] mixOut() {
        return mixOut;
    }

    boolean ended() {
        return ended;
    }

    // ---- clock

    @Override
    public void receive(long now) {
        if (ended) {
            return;
        }
        primitives.tick(now);
        if (timeoutMs > 0 && receiving() && now - lastActivity > timeoutMs) {
            end(LegEndReason.RTP_TIMEOUT);
            return;
        }
        var n = signalling.negotiated();
        if (n == null) { // our offer is not answered yet (a callee still ringing): nothing to play out
            return;
        }
        playout.tick(n.codec());
        primitives.received(playout.received(), now);
    }

    @Override
    public void send(long now) {
        if (ended) {
            return;
        }
        var n = signalling.negotiated();
        OutFrame frame = outbound.frame();
        primitives.source(frame.pcm, mixer != null ? mixOut : null, playout.received(), now);
        if (n == null || !n.direction().sends() || destination() == null) {
            outbound.skip();
        } else {
            outbound.send();
        }
        rtcp.tick(now, outbound.timestamp());
    }

    /** It threw in a tick and the clock dropped it: it ends as failed rather than staying silent. */
    @Override
    public void failed(Throwable t) {
        end(LegEndReason.FAILED);
    }

    /** Ends the leg on the clock thread. */
    void end(LegEndReason reason) {
        if (ended) {
            return;
        }
        ended = true;
        endReason = reason;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} ended ({}): sent {}, jitter buffer: {}", id, reason, outbound.sent(), jitter.stats());
        }
        clock.leave(this);
        primitives.legEnded();
        rtcp.bye(outbound.timestamp());
        security.close();
        socket.close();
        for (Consumer<LegEndReason> l : endListeners) {
            l.accept(reason);
        }
    }

    // ---- MediaLeg

    @Override
    public String id() {
        return id;
    }

    @Override
    public String localSdp() {
        return signalling.localSdp();
    }

    @Override
    public String update(String remoteSdp) {
        return signalling.update(remoteSdp);
    }

    @Override
    public Codec codec() {
        var n = signalling.negotiated();
        return n == null ? null : new Codec(n.codec().name(), n.payloadType(), n.clockRate());
    }

    @Override
    public MediaDirection direction() {
        var n = signalling.negotiated();
        return n == null ? MediaDirection.SENDRECV : n.direction();
    }

    @Override
    public MediaStats stats() {
        JitterStats j = jitter.stats();
        RtcpStats r = rtcp.session().stats();
        return new MediaStats(j.received, outbound.sent(), j.lost, j.late, j.jitterMillis, j.targetMillis,
                r.roundTripMillis(), r.remoteFractionLost(), r.remotePacketsLost(), r.remoteJitterMillis());
    }

    /** @return the counters of every pipeline node, incoming then outgoing */
    public List<NodeStats> nodeStats() {
        List<NodeStats> all = new ArrayList<>(inbound.stats());
        all.addAll(outbound.stats());
        return all;
    }

    @Override
    public Subscription onDtmf(Consumer<DtmfEvent> listener) {
        return primitives.onDtmf(listener);
    }

    @Override
    public Subscription onEnded(Consumer<LegEndReason> listener) {
        endListeners.add(listener);
        if (ended && endListeners.remove(listener)) {
            listener.accept(endReason);
        }
        return () -> endListeners.remove(listener);
    }

    @Override
    public void injectDtmf(char digit, Duration duration) {
        primitives.digit(new DtmfEvent(digit, duration, DtmfEvent.Source.SIGNALLING));
    }

    @Override
    public MediaOperation<Void> sendDtmf(String digits, Duration duration) {
        return primitives.sendDtmf(digits, duration);
    }

    @Override
    public MediaOperation<PlayResult> play(List<AudioRef> prompts, boolean bargeIn) {
        return primitives.play(prompts, bargeIn);
    }

    @Override
    public MediaOperation<DigitResult> collectDigits(DigitOptions options) {
        return primitives.collectDigits(options);
    }

    @Override
    public MediaOperation<RecordResult> record(RecordOptions options) {
        return primitives.record(options);
    }

    @Override
    public MediaOperation<Void> tap(int sampleRate, Consumer<AudioFrame> consumer) {
        return primitives.tap(sampleRate, consumer);
    }

    @Override
    public MediaOperation<Void> echo() {
        return primitives.echo();
    }

    @Override
    public void close() {
        clock.execute(() -> end(LegEndReason.CLOSED));
    }

    @Override
    public String toString() {
        return "leg " + id;
    }
}
