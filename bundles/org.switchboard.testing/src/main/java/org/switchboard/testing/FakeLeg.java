package org.switchboard.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.api.media.AudioFrame;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.DigitOptions;
import org.switchboard.api.media.DigitResult;
import org.switchboard.api.media.DtmfEvent;
import org.switchboard.api.media.LegEndReason;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.MediaStats;
import org.switchboard.api.media.PlayResult;
import org.switchboard.api.media.RecordOptions;
import org.switchboard.api.media.RecordResult;
import org.switchboard.api.media.Subscription;

/**
 * A {@link MediaLeg} whose playbacks complete at once (unless {@link #holdPlays}) and whose digit
 * collections answer from a script; a collection with nothing scripted times out.
 * {@link #echo()} and {@link #sendDtmf} are recorded or complete at once; record and tap are
 * not supported.
 */
public final class FakeLeg implements SignalledLeg {
    /** What {@link #id()} returns. */
    public final String id;
    /** The prompt lists of every {@link #play} call, in order. */
    public final List<List<AudioRef>> plays = new ArrayList<>();
    /** The operation of every {@link #play} call, in order: complete or stop them by hand. */
    public final List<FakeOp<PlayResult>> playOps = new ArrayList<>();
    /** The options of every {@link #collectDigits} call, in order. */
    public final List<DigitOptions> collections = new ArrayList<>();
    /** The scripted answers of the next digit collections (see {@link #press} and {@link #silence}). */
    public final Deque<DigitResult> digits = new ArrayDeque<>();
    /** The listeners of {@link #onEnded} that have not unsubscribed. */
    public final List<Consumer<LegEndReason>> endListeners = new ArrayList<>();
    /** The operation of the last {@link #echo()} call; null until the application starts an echo. */
    public FakeOp<Void> echo;
    /** When true, playbacks stay running until the test completes or stops them (see {@link #playOps}). */
    public boolean holdPlays;
    /** True once the leg has ended ({@link #end()} or {@link #close()}). */
    public boolean ended;

    /**
     * @param id the leg id
     */
    public FakeLeg(String id) {
        this.id = id;
    }

    /**
     * Scripts the next digit collection to answer {@code d}, ended by the terminator.
     *
     * @param d the digits the caller enters
     * @return this leg, to chain presses
     */
    public FakeLeg press(String d) {
        digits.add(new DigitResult(d, DigitResult.End.TERMINATOR));
        return this;
    }

    /**
     * Scripts the next digit collection to time out before the first digit.
     *
     * @return this leg
     */
    public FakeLeg silence() {
        digits.add(new DigitResult("", DigitResult.End.FIRST_DIGIT_TIMEOUT));
        return this;
    }

    /** Ends the leg as if the caller hung up: running playbacks end with {@code LEG_ENDED}, end listeners run. */
    public void end() {
        ended = true;
        playOps.forEach(op -> op.result.complete(new PlayResult(PlayResult.End.LEG_ENDED, (char) 0)));
        List.copyOf(endListeners).forEach(l -> l.accept(LegEndReason.CLOSED));
    }

    /**
     * The prompts played so far.
     *
     * @return every prompt played so far, as file names without .wav (silences as "-")
     */
    public List<String> heard() {
        List<String> names = new ArrayList<>();
        for (List<AudioRef> p : plays) {
            for (AudioRef r : p) {
                names.add(r instanceof AudioRef.File f ? f.path().getFileName().toString().replace(".wav", "") : "-");
            }
        }
        return names;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MediaOperation<PlayResult> play(List<AudioRef> prompts, boolean bargeIn) {
        plays.add(prompts);
        FakeOp<PlayResult> op = new FakeOp<>(new PlayResult(PlayResult.End.STOPPED, (char) 0));
        playOps.add(op);
        if (ended) {
            op.result.complete(new PlayResult(PlayResult.End.LEG_ENDED, (char) 0));
        } else if (!holdPlays) {
            op.result.complete(new PlayResult(PlayResult.End.COMPLETED, (char) 0));
        }
        return op;
    }

    @Override
    public MediaOperation<DigitResult> collectDigits(DigitOptions options) {
        collections.add(options);
        if (ended) {
            return FakeOp.done(new DigitResult("", DigitResult.End.LEG_ENDED));
        }
        DigitResult next = digits.poll();
        return FakeOp.done(next != null ? next : new DigitResult("", DigitResult.End.FIRST_DIGIT_TIMEOUT));
    }

    @Override
    public MediaOperation<Void> echo() {
        echo = new FakeOp<>(null);
        return echo;
    }

    @Override
    public Subscription onEnded(Consumer<LegEndReason> listener) {
        endListeners.add(listener);
        if (ended) {
            listener.accept(LegEndReason.CLOSED);
        }
        return () -> endListeners.remove(listener);
    }

    @Override
    public Subscription onDtmf(Consumer<DtmfEvent> listener) {
        return () -> { };
    }

    @Override
    public String localSdp() {
        return "";
    }

    @Override
    public String update(String remoteSdp) {
        return "";
    }

    @Override
    public Codec codec() {
        return null;
    }

    @Override
    public MediaDirection direction() {
        return null;
    }

    @Override
    public MediaStats stats() {
        return null;
    }

    @Override
    public void injectDtmf(char digit, Duration duration) {
    }

    @Override
    public MediaOperation<Void> sendDtmf(String d, Duration duration) {
        return FakeOp.done(null);
    }

    @Override
    public MediaOperation<RecordResult> record(RecordOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MediaOperation<Void> tap(int sampleRate, Consumer<AudioFrame> consumer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        end();
    }
}
