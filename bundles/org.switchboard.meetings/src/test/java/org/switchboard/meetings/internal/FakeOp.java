package org.switchboard.meetings.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.media.MediaOperation;

/** A media operation the test completes (or that completes at once). */
final class FakeOp<T> implements MediaOperation<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final T whenStopped;
    boolean stopped;

    FakeOp(T whenStopped) {
        this.whenStopped = whenStopped;
    }

    static <T> FakeOp<T> done(T value) {
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
