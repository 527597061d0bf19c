package org.switchboard.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.media.MediaLeg;

/**
 * An {@link ApplicationCall} with a {@link FakeLeg} ({@code leg-<id>}) that records hand-overs and
 * connects, and answers connects from a script (404 when empty). Not final: a test may override
 * {@link #connect} or {@link #handOver}.
 */
public class FakeCall implements ApplicationCall {
    /** The call id; the caller is {@code sip:<id>@example.com}. */
    public final String id;
    /** What {@link #argument()} and {@link #dialled()} return. */
    public final String argument;
    /** The call's leg; ending it completes {@link #ended}. */
    public final FakeLeg leg;
    /** Completes when the leg ends. */
    public final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Every {@link #handOver} as {@code application:argument}. */
    public final List<String> handOvers = new ArrayList<>();
    /** Every {@link #connect} as {@code target/timeoutSeconds}. */
    public final List<String> connects = new ArrayList<>();
    /** The SIP status codes the next connects answer with; 404 when empty. */
    public final Deque<Integer> connectStatus = new ArrayDeque<>();
    /** True once the application has called {@link #hangup()}. */
    public boolean hungUp;

    /**
     * @param id the call id, also the caller's user
     * @param argument the application argument (the dialled number, a room, ...)
     */
    public FakeCall(String id, String argument) {
        this.id = id;
        this.argument = argument;
        this.leg = new FakeLeg("leg-" + id);
        leg.onEnded(r -> ended.complete(null));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String caller() {
        return "sip:" + id + "@example.com";
    }

    @Override
    public String callerName() {
        return id.toUpperCase();
    }

    @Override
    public String callerUser() {
        return id;
    }

    @Override
    public String dialled() {
        return argument;
    }

    @Override
    public String argument() {
        return argument;
    }

    @Override
    public MediaLeg leg() {
        return leg;
    }

    @Override
    public CompletionStage<Void> ended() {
        return ended;
    }

    @Override
    public void hangup() {
        hungUp = true;
        leg.end();
    }

    @Override
    public boolean handOver(String application, String arg) {
        handOvers.add(application + ":" + arg);
        return true;
    }

    @Override
    public CompletionStage<Integer> connect(String target, Duration timeout) {
        connects.add(target + "/" + timeout.toSeconds());
        Integer s = connectStatus.poll();
        return CompletableFuture.completedFuture(s == null ? 404 : s);
    }
}
