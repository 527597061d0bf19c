package org.switchboard.meetings.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.media.MediaLeg;

/** A call that records hand-overs and connects, and answers connects from a script (404 when empty). */
class FakeCall implements ApplicationCall {
    final String id;
    final String argument;
    final FakeLeg leg;
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final List<String> handOvers = new ArrayList<>();
    final List<String> connects = new ArrayList<>();
    final Deque<Integer> connectStatus = new ArrayDeque<>();
    boolean hungUp;

    FakeCall(String id, String argument) {
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
