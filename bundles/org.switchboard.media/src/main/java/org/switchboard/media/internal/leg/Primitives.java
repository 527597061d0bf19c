package org.switchboard.media.internal.leg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.switchboard.api.media.AudioFrame;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;
import org.switchboard.api.media.DtmfEvent;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;
import org.switchboard.api.media.RecordOptions;
import org.switchboard.api.media.RecordResult;
import org.switchboard.api.media.Subscription;
import org.switchboard.media.internal.dtmf.DtmfSender;

/**
 * What call applications run on one leg: prompts, digit collection, recording, taps, echo and
 * DTMF both ways. Requests come from any thread and are handed to the clock thread, which owns
 * every field here; the leg calls {@link #tick}, {@link #received} and {@link #source} each tick.
 */
final class Primitives {
    private static final int MAX_UNHEARD = 32;
    private final LegContext ctx;
    private final LegClock clock;
    private final String legId;
    private final BooleanSupplier ended;
    private final DtmfSender dtmfOut;
    private final RecordingWriter writer;
    private final ConcurrentLinkedQueue<DtmfEvent> dtmfIn = new ConcurrentLinkedQueue<>();
    private final List<Consumer<DtmfEvent>> dtmfListeners = new CopyOnWriteArrayList<>();
    /** Digits that came before the first listener (guarded by this); it gets them when it subscribes. */
    private final List<DtmfEvent> unheard = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> replays = new ConcurrentLinkedQueue<>();
    private boolean subscribed;
    private final StringBuilder digitBuffer = new StringBuilder();
    private final List<Tap> taps = new ArrayList<>();
    private Playback player;
    private DigitCollection collector;
    private Recording recorder;
    private Echo echo;

    Primitives(LegContext ctx, LegClock clock, String legId, BooleanSupplier ended, DtmfSender dtmfOut) {
        this.ctx = ctx;
        this.clock = clock;
        this.legId = legId;
        this.ended = ended;
        this.dtmfOut = dtmfOut;
        this.writer = new RecordingWriter(ctx);
    }

    /** A digit from RTP (telephone-event) or signalling (INFO), any thread. */
    void digit(DtmfEvent e) {
        dtmfIn.add(e);
    }

    /**
     * Adds a listener. The first one also gets, on the next tick, the digits that came before
     * it (an application subscribes when it starts, a moment after the call was answered).
     */
    Subscription onDtmf(Consumer<DtmfEvent> listener) {
        synchronized (this) {
            dtmfListeners.add(listener);
            if (!subscribed) {
                subscribed = true;
                List<DtmfEvent> early = List.copyOf(unheard);
                unheard.clear();
                if (!early.isEmpty()) {
                    replays.add(() -> early.forEach(listener));
                }
            }
        }
        return () -> dtmfListeners.remove(listener);
    }

    /** Start of a tick: digits that arrived, digit timeouts. */
    void tick(long now) {
        replayEarlyDigits();
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
    }

    private void replayEarlyDigits() {
        Runnable replay;
        while ((replay = replays.poll()) != null) {
            replay.run();
        }
    }

    /** This tick's received frame: to the recorder and the taps. */
    void received(short[] rx, long now) {
        if (recorder != null) {
            recorder.frame(rx, rx.length);
            if (recorder.ending()) {
                recorder = null;
            }
        }
        deliver(AudioFrame.Direction.RECEIVED, rx, now);
    }

    /**
     * Fills the frame to send: a prompt replaces everything, else the mix (when {@code mix} is
     * not null), else the echo of {@code rx}, else silence; then the taps see it.
     */
    void source(short[] pcm, short[] mix, short[] rx, long now) {
        if (player != null && !player.done() && player.read(pcm, false)) {
            // the prompt replaces whatever else would be sent
        } else if (mix != null) {
            System.arraycopy(mix, 0, pcm, 0, pcm.length);
        } else if (echo != null) {
            System.arraycopy(rx, 0, pcm, 0, pcm.length);
        } else {
            java.util.Arrays.fill(pcm, (short) 0);
        }
        deliver(AudioFrame.Direction.SENT, pcm, now);
    }

    private void deliver(AudioFrame.Direction direction, short[] pcm, long now) {
        for (int i = 0; i < taps.size(); i++) { // indexed: no iterator twice a tick per leg
            taps.get(i).deliver(direction, pcm, now);
        }
    }

    private void dispatch(DtmfEvent e, long now) {
        boolean early;
        synchronized (this) {
            early = !subscribed;
            if (early && unheard.size() < MAX_UNHEARD) {
                unheard.add(e);
            }
        }
        if (!early) {
            replayEarlyDigits(); // queued before this digit came: the early ones go first
            for (Consumer<DtmfEvent> l : dtmfListeners) {
                l.accept(e);
            }
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

    /** The leg ended (clock thread): every operation still running completes. */
    void legEnded() {
        List<LegOperation<?>> ops = new ArrayList<>(taps);
        ops.add(player);
        ops.add(collector);
        ops.add(recorder);
        ops.add(echo);
        for (LegOperation<?> op : ops) {
            if (op != null && !op.done()) {
                op.legEnded();
            }
        }
        taps.clear();
    }

    MediaOperation<Void> sendDtmf(String digits, Duration duration) {
        Echo op = new Echo(clock, () -> { });
        clock.execute(() -> {
            for (char c : digits.toCharArray()) {
                dtmfOut.queue(c, (int) duration.toMillis());
            }
            op.finish(null);
        });
        return op;
    }

    MediaOperation<PlayResult> play(List<AudioRef> prompts, boolean bargeIn) {
        Playback p = new Playback(clock, bargeIn, () -> { });
        new PromptLoader(clock, ctx.blocking(), ctx.blobs()).load(prompts, p, () -> {
            if (ended.getAsBoolean()) {
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

    MediaOperation<DigitResult> collectDigits(DigitOptions options) {
        DigitCollection c = new DigitCollection(clock, options);
        onClock(c, () -> {
            if (collector != null && !collector.done()) {
                collector.stopped();
            }
            collector = c;
            c.start(clock.now());
            while (digitBuffer.length() > 0 && !c.done()) {
                char d = digitBuffer.charAt(0);
                digitBuffer.deleteCharAt(0);
                c.digit(d, clock.now());
            }
        });
        return c;
    }

    MediaOperation<RecordResult> record(RecordOptions options) {
        Recording r = new Recording(clock, options, writer::write);
        onClock(r, () -> {
            if (recorder != null) {
                recorder.stopped();
            }
            recorder = r;
        });
        return r;
    }

    MediaOperation<Void> tap(int sampleRate, Consumer<AudioFrame> consumer) {
        Tap[] holder = new Tap[1];
        Tap t = new Tap(clock, legId, sampleRate, consumer, () -> taps.remove(holder[0]));
        holder[0] = t;
        onClock(t, () -> taps.add(t));
        return t;
    }

    MediaOperation<Void> echo() {
        Echo[] holder = new Echo[1];
        Echo e = new Echo(clock, () -> {
            if (echo == holder[0]) {
                echo = null;
            }
        });
        holder[0] = e;
        onClock(e, () -> echo = e);
        return e;
    }

    /** Starts an operation on the clock thread, or ends it at once if the leg has ended. */
    private void onClock(LegOperation<?> op, Runnable start) {
        clock.execute(() -> {
            if (ended.getAsBoolean()) {
                op.legEnded();
            } else {
                start.run();
            }
        });
    }
}
