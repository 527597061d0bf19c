package org.switchboard.moh.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;
import org.switchboard.api.media.Subscription;

/**
 * One leg listening to the stream: plays a batch of chunks from the one on air, and when the
 * batch ends tunes in again where the stream is then (which also undoes any drift). A leg's
 * playback replaces what it would otherwise send, so this works on a bridged leg too (hold).
 */
final class HoldListener implements MediaOperation<Void> {
    /** Chunks per playback: few enough to keep memory per listener small, enough to keep gaps rare. */
    static final int BATCH = 10;

    private final HoldStream stream;
    private final MediaLeg leg;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final Subscription ended; // null while the constructor runs
    private MediaOperation<PlayResult> current;

    HoldListener(HoldStream stream, MediaLeg leg) {
        this.stream = stream;
        this.leg = leg;
        this.ended = leg.onEnded(r -> finish());
    }

    HoldListener start() {
        next();
        return this;
    }

    private void next() {
        MediaOperation<PlayResult> op;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            op = leg.play(stream.fromNow(BATCH).stream().map(AudioRef::file).map(AudioRef.class::cast).toList(), false);
            current = op;
        }
        op.result().whenComplete((r, e) -> {
            if (e == null && r.end() == PlayResult.End.COMPLETED) {
                next();
            } else {
                finish();
            }
        });
    }

    @Override
    public CompletionStage<Void> result() {
        return result;
    }

    @Override
    public void stop() {
        MediaOperation<PlayResult> op;
        synchronized (this) {
            op = current;
            finish();
        }
        if (op != null) {
            op.stop();
        }
    }

    private synchronized void finish() {
        if (result.complete(null) && ended != null) {
            ended.close();
        }
    }
}
