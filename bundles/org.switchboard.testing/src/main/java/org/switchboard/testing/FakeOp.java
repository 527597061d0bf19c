package org.switchboard.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.media.MediaOperation;

/**
 * A {@link MediaOperation} the test completes (or that completes at once, see {@link #done}).
 *
 * @param <T> the result type
 */
public final class FakeOp<T> implements MediaOperation<T> {
    /** The result; complete it to finish the operation. */
    public final CompletableFuture<T> result = new CompletableFuture<>();
    private final T whenStopped;
    /** True once {@link #stop()} was called. */
    public boolean stopped;

    /**
     * @param whenStopped the result {@link #stop()} completes with
     */
    public FakeOp(T whenStopped) {
        this.whenStopped = whenStopped;
    }

    /**
     * An operation that has already completed.
     *
     * @param <T> the result type
     * @param value the result
     * @return the completed operation
     */
    public static <T> FakeOp<T> done(T value) {
        FakeOp<T> op = new FakeOp<>(value);
        op.result.complete(value);
        return op;
    }

    @Override
    public CompletionStage<T> result() {
        return result;
    }

    @Override
    public void stop() {
        stopped = true;
        result.complete(whenStopped);
    }
}
