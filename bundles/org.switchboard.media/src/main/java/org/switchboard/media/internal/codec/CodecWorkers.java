package org.switchboard.media.internal.codec;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool that runs expensive codecs (Opus: ~300x PCMU) off the clock threads. Work comes
 * in per leg ({@link CodecLane}): a lane is queued here at most once at a time and a worker runs
 * all of its pending frames in order, so a leg's encoder and decoder are never used by two threads
 * at once. The queue holds lanes, not frames, and is bounded; a lane that does not fit is run on
 * its next frame, and the lane's own rings are bounded too (a full ring drops a frame, which the
 * peer or our concealment covers). The clock never waits for a worker.
 */
public final class CodecWorkers implements AutoCloseable {
    static final int MAX_QUEUED_LANES = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(CodecWorkers.class);
    private final BlockingQueue<CodecLane> ready = new ArrayBlockingQueue<>(MAX_QUEUED_LANES);
    private final Thread[] threads;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean running = true;

    /** @param threads worker threads; 0 or less for one per available processor */
    public CodecWorkers(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::run, "media-codec-" + i);
            t.setDaemon(true);
            this.threads[i] = t;
            t.start();
        }
    }

    private CodecWorkers() {
        this.threads = new Thread[0];
    }

    /** Without threads: a lane's work runs on the thread that submits it (tests that tick by hand). */
    public static CodecWorkers inline() {
        return new CodecWorkers();
    }

    /** @return false if the lane could not be queued (it stays pending and is offered again with its next frame) */
    boolean schedule(CodecLane lane) {
        if (threads.length == 0) {
            lane.drain();
            return true;
        }
        if (ready.offer(lane)) {
            return true;
        }
        if (refused.getAndIncrement() % 1000 == 0) {
            LOG.error("{} Opus legs waiting for a codec worker: the workers cannot keep up; frames are dropped "
                    + "(fewer Opus legs, or codecs = PCMU,PCMA)", MAX_QUEUED_LANES);
        }
        return false;
    }

    private void run() {
        while (running) {
            CodecLane lane;
            try {
                lane = ready.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                lane.drain();
            } catch (Throwable t) { // NOPMD: a worker serves every Opus leg; it must not die
                LOG.error("codec worker {}: {}", Thread.currentThread().getName(), t.toString(), t);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
