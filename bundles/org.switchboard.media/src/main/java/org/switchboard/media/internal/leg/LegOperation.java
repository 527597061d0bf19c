package org.switchboard.media.internal.leg;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.media.MediaOperation;

/**
 * Base of the primitives. The operation's state lives on the clock thread; {@link #stop()}
 * hands over to it.
 */
abstract class LegOperation<T> implements MediaOperation<T> {
    protected final ClockExecutor clock;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    LegOperation(ClockExecutor clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<T> result() {
        return result.minimalCompletionStage();
    }

    @Override
    public void stop() {
        clock.execute(() -> {
            if (!done()) {
                stopped();
            }
        });
    }

    boolean done() {
        return result.isDone();
    }

    void finish(T value) {
        result.complete(value);
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }

    /** Called on the clock thread when stopped before it ended. */
    abstract void stopped();

    /** Called on the clock thread when the leg ended before the operation did. */
    abstract void legEnded();
}
