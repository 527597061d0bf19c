package org.switchboard.media.internal.leg;

import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.MediaStats;
import org.switchboard.api.media.PlayResult;
import org.switchboard.api.media.RecordOptions;
import org.switchboard.api.media.RecordResult;
import org.switchboard.api.media.Subscription;
import org.switchboard.media.internal.audio.Wav;
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
 * an I/O thread through the {@link InboundChain}; everything else (playout, primitives, sending)
 * runs on the clock thread.
 */
public final class Leg implements MediaLeg, MediaClock.Client {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Leg.class);
    private final String id;
    private final LegContext ctx;
    private final Signalling signalling;
    private final LegSocket socket;
    private final PacketSecurity security;
    private final JitterBuffer jitter = new JitterBuffer(8000);
    private final DtmfSender dtmfOut = new DtmfSender();
    private final InboundChain inbound;
    private final OutboundChain outbound;
    private final RtcpChannel rtcp;
    private final ConcurrentLinkedQueue<DtmfEvent> dtmfIn = new ConcurrentLinkedQueue<>();
    private final List<Consumer<DtmfEvent>> dtmfListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LegEndReason>> endListeners = new CopyOnWriteArrayList<>();
    private final long timeoutMs;
    private final byte[] payload = new byte[1500];
    private final short[] rx = new short[OutFrame.SAMPLES];
    private final short[] mixOut = new short[OutFrame.SAMPLES];
    private final StringBuilder digitBuffer = new StringBuilder();
    private final List<Tap> taps = new ArrayList<>();
    private boolean hasRx;
    private AudioCodec codecType;
    private AudioCodec codec;
    private Playback player;
    private DigitCollection collector;
    private Recording recorder;
    private Echo echo;
    private volatile Mixer mixer;
    private volatile long lastActivity;
    private volatile InetSocketAddress remote;
    private volatile boolean ended;
    private volatile LegEndReason endReason;

    Leg(String id, LegContext ctx, Signalling signalling, LegSocket socket, PacketSecurity security, Duration timeout) {
        this.id = id;
        this.ctx = ctx;
        this.signalling = signalling;
        this.socket = socket;
        this.security = security;
        this.timeoutMs = (timeout == null ? ctx.rtpTimeout() : timeout).toMillis();
        DtmfReceiver receiver = new DtmfReceiver((digit, samples) -> dtmfIn.add(
                new DtmfEvent(digit, Duration.ofMillis(samples * 1000L / clockRate()), DtmfEvent.Source.RTP)));
        this.rtcp = new RtcpChannel(this, RtcpSession.random(), security, socket);
        this.inbound = new InboundChain(this, security, receiver, jitter, rtcp);
        this.outbound = new OutboundChain(this, dtmfOut, security, socket, rtcp.session());
        this.lastActivity = ctx.clock().now();
    }

    Signalling signalling() {
        return signalling;
    }

    void start() {
        ctx.clock().add(this);
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
        AudioCodec type = signalling.negotiated().codec();
        if (type != codecType) {
            codecType = type;
            codec = type.newInstance();
        }
        return codec;
    }

    boolean receiving() {
        return signalling.negotiated() != null && signalling.negotiated().direction().receives();
    }

    long clockMillis() {
        return ctx.clock().now();
    }

    void activity() {
        lastActivity = ctx.clock().now();
    }

    /** Symmetric RTP: send to where the peer's RTP comes from (NAT). */
    void latch(InetSocketAddress from) {
        if (!from.equals(remote)) {
            remote = from;
        }
    }

    InetSocketAddress remoteRtp() {
        return remote;
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

    LegSocket socket() {
        return socket;
    }

    PacketSecurity security() {
        return security;
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
        hasRx = value;
    }

    boolean hasReceived() {
        return hasRx;
    }

    short[] received() {
        return rx;
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
        DtmfEvent e;
        while ((e = dtmfIn.poll()) != null) {
            dispatch(e, now);
        }
        if (collector != null) {
            collector.tick(now);
            if (collector.done()) {
                collector = null;
            }
        }
        if (timeoutMs > 0 && receiving() && now - lastActivity > timeoutMs) {
            end(LegEndReason.RTP_TIMEOUT);
            return;
        }
        int len = jitter.poll(payload);
        if (len > 0) {
            codecInstance().decode(payload, 0, len, rx);
            hasRx = true;
        } else if (len < 0 && hasRx) {
            int next = jitter.peek(payload);
            if (codecInstance().conceal(next > 0 ? payload : null, 0, next, rx) == 0) {
                for (int i = 0; i < rx.length; i++) {
                    rx[i] = (short) (rx[i] / 2);
                }
            }
        } else {
            java.util.Arrays.fill(rx, (short) 0);
            hasRx = false;
        }
        if (recorder != null) {
            recorder.frame(rx, rx.length);
            if (recorder.ending()) {
                recorder = null;
            }
        }
        for (Tap t : taps) {
            t.deliver(AudioFrame.Direction.RECEIVED, rx, now);
        }
    }

    @Override
    public void send(long now) {
        if (ended) {
            return;
        }
        var n = signalling.negotiated();
        OutFrame frame = outbound.frame();
        if (player != null && !player.done() && player.read(frame.pcm, false)) {
            // the prompt replaces whatever else would be sent
        } else if (mixer != null) {
            System.arraycopy(mixOut, 0, frame.pcm, 0, frame.pcm.length);
        } else if (echo != null) {
            System.arraycopy(rx, 0, frame.pcm, 0, frame.pcm.length);
        } else {
            java.util.Arrays.fill(frame.pcm, (short) 0);
        }
        for (Tap t : taps) {
            t.deliver(AudioFrame.Direction.SENT, frame.pcm, now);
        }
        if (n == null || !n.direction().sends() || destination() == null) {
            outbound.skip();
        } else {
            outbound.send();
        }
        rtcp.tick(now, outbound.timestamp());
    }

    private void dispatch(DtmfEvent e, long now) {
        for (Consumer<DtmfEvent> l : dtmfListeners) {
            l.accept(e);
        }
        if (player != null && !player.done() && player.bargeIn()) {
            player.interrupt(e.digit());
            player = null;
        }
        if (recorder != null) {
            recorder.digit(e.digit());
            if (recorder.ending()) {
                recorder = null;
                return;
            }
        }
        if (collector != null && !collector.done()) {
            collector.digit(e.digit(), now);
        } else if (digitBuffer.length() < 32) {
            digitBuffer.append(e.digit());
        }
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
        ctx.clock().remove(this);
        for (LegOperation<?> op : operations()) {
            if (op != null && !op.done()) {
                op.legEnded();
            }
        }
        taps.clear();
        rtcp.bye(outbound.timestamp());
        security.close();
        socket.close();
        for (Consumer<LegEndReason> l : endListeners) {
            l.accept(reason);
        }
    }

    private List<LegOperation<?>> operations() {
        List<LegOperation<?>> ops = new ArrayList<>(taps);
        ops.add(player);
        ops.add(collector);
        ops.add(recorder);
        ops.add(echo);
        return ops;
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
        dtmfListeners.add(listener);
        return () -> dtmfListeners.remove(listener);
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
        dtmfIn.add(new DtmfEvent(digit, duration, DtmfEvent.Source.SIGNALLING));
    }

    @Override
    public MediaOperation<Void> sendDtmf(String digits, Duration duration) {
        Echo op = new Echo(ctx.clock(), () -> { });
        ctx.clock().execute(() -> {
            for (char c : digits.toCharArray()) {
                dtmfOut.queue(c, (int) duration.toMillis());
            }
            op.finish(null);
        });
        return op;
    }

    @Override
    public MediaOperation<PlayResult> play(List<AudioRef> prompts, boolean bargeIn) {
        Playback p = new Playback(ctx.clock(), bargeIn, () -> { });
        new PromptLoader(ctx.clock(), ctx.blocking(), ctx.blobs()).load(prompts, p, () -> {
            if (ended) {
                p.legEnded();
                return;
            }
            if (player != null && !player.done()) {
                player.stopped();
            }
            player = p;
        });
        return p;
    }

    @Override
    public MediaOperation<DigitResult> collectDigits(DigitOptions options) {
        DigitCollection c = new DigitCollection(ctx.clock(), options);
        ctx.clock().execute(() -> {
            if (ended) {
                c.legEnded();
                return;
            }
            if (collector != null && !collector.done()) {
                collector.stopped();
            }
            collector = c;
            c.start(ctx.clock().now());
            while (digitBuffer.length() > 0 && !c.done()) {
                char d = digitBuffer.charAt(0);
                digitBuffer.deleteCharAt(0);
                c.digit(d, ctx.clock().now());
            }
        });
        return c;
    }

    @Override
    public MediaOperation<RecordResult> record(RecordOptions options) {
        Recording r = new Recording(ctx.clock(), options, this::write);
        ctx.clock().execute(() -> {
            if (ended) {
                r.legEnded();
            } else {
                if (recorder != null) {
                    recorder.stopped();
                }
                recorder = r;
            }
        });
        return r;
    }

    private void write(Recording r, short[] samples, int count, Consumer<Throwable> done) {
        ctx.blocking().execute(() -> {
            try {
                AudioRef target = r.options().target();
                if (target instanceof AudioRef.File f) {
                    try (var out = Files.newOutputStream(f.path())) {
                        Wav.write(out, samples, count);
                    }
                } else {
                    var store = ctx.blobs().get();
                    if (store == null) {
                        throw new java.io.IOException("no BlobStore service is registered to record to " + target);
                    }
                    try (var out = Channels.newOutputStream(store.write(((AudioRef.Blob) target).key()))) {
                        Wav.write(out, samples, count);
                    }
                }
                done.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
                done.accept(e);
            }
        });
    }

    @Override
    public MediaOperation<Void> tap(int sampleRate, Consumer<AudioFrame> consumer) {
        Tap[] holder = new Tap[1];
        Tap t = new Tap(ctx.clock(), id, sampleRate, consumer, () -> taps.remove(holder[0]));
        holder[0] = t;
        ctx.clock().execute(() -> {
            if (ended) {
                t.legEnded();
            } else {
                taps.add(t);
            }
        });
        return t;
    }

    @Override
    public MediaOperation<Void> echo() {
        Echo[] holder = new Echo[1];
        Echo e = new Echo(ctx.clock(), () -> {
            if (echo == holder[0]) {
                echo = null;
            }
        });
        holder[0] = e;
        ctx.clock().execute(() -> {
            if (ended) {
                e.legEnded();
            } else {
                echo = e;
            }
        });
        return e;
    }

    @Override
    public void close() {
        ctx.clock().execute(() -> end(LegEndReason.CLOSED));
    }

    @Override
    public String toString() {
        return "leg " + id;
    }
}
