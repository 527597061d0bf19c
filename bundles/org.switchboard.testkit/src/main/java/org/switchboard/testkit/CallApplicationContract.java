package org.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.app.CallApplication;
import org.switchboard.testing.FakeCall;
import org.switchboard.testing.FakeOp;

/**
 * What every {@link CallApplication} must do, whatever it plays: return from {@code handle} at
 * once (it runs on a platform thread), cope with a caller who hangs up at any moment, leave no
 * media operation running once the call is over, and never touch a call that has ended.
 * Extend it and supply the application with fakes for the services it needs.
 */
public abstract class CallApplicationContract {
    /** How long an application may take to stop its media after the caller hung up. */
    protected static final Duration SETTLE = Duration.ofSeconds(2);

    /** @return a new application under test, with fakes (prompts, engine) for what it uses */
    protected abstract CallApplication application();

    /** @return the argument calls to it carry (the dialled number, a room); empty by default */
    protected String argument() {
        return "";
    }

    private FakeCall call(String who) {
        return new FakeCall(who, argument());
    }

    /** Waits for the condition, polling, up to {@link #SETTLE}. */
    protected static boolean within(Duration limit, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Test
    public void handleReturnsAtOnceEvenWhilePromptsPlay() {
        FakeCall c = call("contract-a");
        c.leg.holdPlays = true; // nothing the application plays ever finishes by itself
        CallApplication app = application();
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> app.handle(c), "handle must not block the platform thread");
        c.leg.end();
    }

    @Test
    public void aCallerWhoHangsUpStopsEveryMediaOperation() {
        FakeCall c = call("contract-b");
        c.leg.holdPlays = true;
        application().handle(c);
        c.leg.end();
        assertTrue(within(SETTLE, () -> running(c).isEmpty()), "media operations still running after the caller hung up: "
                + running(c));
    }

    @Test
    public void aCallThatEndedBeforeHandleIsLeftAlone() {
        FakeCall c = call("contract-c");
        c.leg.end();
        assertDoesNotThrow(() -> application().handle(c));
        assertTrue(within(SETTLE, () -> running(c).isEmpty()), "media started on an ended call: " + running(c));
        assertFalse(c.hungUp, "no hangup of a call that already ended");
        assertTrue(c.handOvers.isEmpty(), "no hand-over of a call that already ended");
    }

    @Test
    public void manyCallsAtOnceAreIndependent() {
        CallApplication app = application();
        List<FakeCall> calls = List.of(call("contract-d1"), call("contract-d2"), call("contract-d3"));
        calls.forEach(c -> c.leg.holdPlays = true);
        calls.forEach(app::handle);
        calls.get(1).leg.end();
        assertTrue(within(SETTLE, () -> running(calls.get(1)).isEmpty()), "the call that ended still has media");
        assertFalse(calls.get(0).hungUp || calls.get(2).hungUp, "one caller hanging up ends no other call");
        calls.forEach(c -> c.leg.end());
    }

    private static List<FakeOp<?>> running(FakeCall c) {
        List<FakeOp<?>> out = new java.util.ArrayList<>();
        c.leg.playOps.stream().filter(op -> !op.result.isDone() && !op.stopped).forEach(out::add);
        if (c.leg.echo != null && !c.leg.echo.result.isDone() && !c.leg.echo.stopped) {
            out.add(c.leg.echo);
        }
        return out;
    }
}
