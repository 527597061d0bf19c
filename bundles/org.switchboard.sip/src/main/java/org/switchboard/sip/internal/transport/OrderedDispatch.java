package org.switchboard.sip.internal.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool behind the stack's connection-oriented transports (TCP, TLS, WS, WSS). The
 * NIO transports hand every message they read to this pool; messages of one connection run one
 * after the other in arrival order (RFC 3261 18.3: a stream transport keeps order, and a
 * re-INVITE then a BYE, or DTMF INFOs, depend on it), while other connections run in parallel
 * on the other threads. Tasks without a key (connect callbacks) run as soon as a thread is free.
 *
 * <p>Each key has a lane: a queue of waiting tasks. Only the lane's head is in the pool at any
 * time; when it finishes, the next one goes to the back of the pool's queue, so that a busy
 * connection cannot starve the others. An empty lane is removed.
 */
final class OrderedDispatch extends ScheduledThreadPoolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedDispatch.class);

    private final ConcurrentHashMap<Object, Queue<Runnable>> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();

    OrderedDispatch(String name, int threads) {
        super(threads, namedThreads(name));
        setRemoveOnCancelPolicy(true);
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void execute(Runnable task) {
        execute(DispatchKey.of(task), task);
    }

    /** Runs a task in a lane: after the tasks with the same key that came before it (none if null). */
    void execute(Object key, Runnable task) {
        pending.incrementAndGet();
        if (key == null) {
            super.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("A SIP task failed and its worker goes on: {}", e.toString(), e);
                } finally {
                    pending.decrementAndGet();
                }
            });
            return;
        }
        boolean[] first = {false};
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                first[0] = true;
                return new ArrayDeque<>();
            }
            lane.add(task);
            return lane;
        });
        if (first[0]) {
            super.execute(() -> runInLane(key, task));
        }
    }

    /** @return tasks handed over and not yet finished (the stream transports' waiting messages) */
    int pending() {
        return pending.get();
    }

    private void runInLane(Object key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("A SIP message task failed and its worker goes on: {}", e.toString(), e);
        } finally {
            pending.decrementAndGet();
            Runnable[] next = {null};
            lanes.computeIfPresent(key, (k, lane) -> {
                next[0] = lane.poll();
                return next[0] == null ? null : lane;
            });
            if (next[0] != null) {
                Runnable n = next[0];
                super.execute(() -> runInLane(key, n));
            }
        }
    }
}
