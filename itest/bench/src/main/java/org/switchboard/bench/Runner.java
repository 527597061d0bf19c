package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Owns the sockets, routes incoming messages, paces new ops, and times out stuck ones. */
final class Runner implements Endpoint.Handler, AutoCloseable {
    final Options opt;
    final InetSocketAddress server;
    final long timeoutNanos;
    final Uas uas;
    volatile Stats stats = new Stats();
    final long hostDropsAtStart = UdpDrops.host();
    /** Handles requests instead of {@link #uas} when set (the media bench's callee side). */
    volatile Endpoint.Handler requests;
    private final Endpoint[] endpoints;
    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread sweeper;
    private volatile boolean closed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sip-hold");
        t.setDaemon(true);
        return t;
    });

    Runner(Options opt) throws IOException {
        this.opt = opt;
        this.server = opt.serverAddress();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(opt.timeoutMs);
        this.uas = new Uas(timer, opt.ringMs);
        endpoints = new Endpoint[opt.sockets];
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = new Endpoint("sip-rx-" + i, this);
        }
        sweeper = new Thread(this::sweep, "sip-timeouts");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    Endpoint endpoint(int i) {
        return endpoints[Math.floorMod(i, endpoints.length)];
    }

    @Override
    public void onMessage(SipMessage m, Endpoint ep, InetSocketAddress from) {
        if (m.isRequest()) {
            Endpoint.Handler h = requests;
            if (h != null) {
                h.onMessage(m, ep, from);
            } else {
                uas.handle(m, ep, from);
            }
            return;
        }
        Op op = m.callId() == null ? null : ops.get(m.callId());
        if (op == null) {
            stats.stray.increment(); // late answer to a timed-out op, or a retransmission
        } else {
            op.response(m);
        }
    }

    void launch(Op op, boolean measured) {
        op.measured = measured;
        (measured ? stats.started : stats.warmupStarted).increment();
        ops.put(op.callId, op);
        inFlight.incrementAndGet();
        op.begin();
    }

    void complete(Op op, String failure) {
        if (!ops.remove(op.callId, op)) {
            return;
        }
        inFlight.decrementAndGet();
        if (!op.measured) {
            if (failure != null) {
                op.stats.warmupFailed.increment();
            }
        } else if (failure == null) {
            op.stats.ok.increment();
        } else {
            op.stats.fail(failure);
        }
        op.released();
    }

    /**
     * Starts ops at {@code rate}/s for warmup + duration, never more than {@code cap} at once. Ops that
     * start during the warmup are not measured. Returns the measured window in seconds.
     */
    double drive(Supplier<Op> next, double rate, long warmupNanos, long durationNanos, int cap) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        long n = 0;
        boolean waiting = false;
        while (true) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
            long due = start + n * interval;
            if (due - now > 0) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                continue;
            }
            if (now - due > 100_000_000L) { // more than 100 ms behind: drop the slots instead of bursting
                long skip = (now - due) / interval;
                stats.missedSlots.add(skip);
                n += skip;
                continue;
            }
            Op op = inFlight.get() < cap ? next.get() : null;
            if (op == null) { // cap reached or no idle user: wait for a completion (closed loop)
                if (!waiting) {
                    stats.capWaits.increment();
                    waiting = true;
                }
                LockSupport.parkNanos(20_000);
                continue;
            }
            waiting = false;
            n++;
            launch(op, now - measureFrom >= 0);
        }
        drain();
        return durationNanos / 1e9;
    }

    /** Runs each op once with at most {@code cap} in flight (used to register callees); waits for all. */
    void runAll(Iterator<Op> it, int cap) {
        while (it.hasNext()) {
            while (inFlight.get() >= cap) {
                LockSupport.parkNanos(100_000);
            }
            launch(it.next(), true);
        }
        drain();
    }

    /** Waits until every op ended (answered or timed out). */
    void drain() {
        long limit = System.nanoTime() + timeoutNanos + TimeUnit.SECONDS.toNanos(2) + opt.holdMs * 1_000_000L;
        while (!ops.isEmpty() && System.nanoTime() - limit < 0) {
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** True while the op has not ended (answered, failed or timed out). */
    boolean isOpen(Op op) {
        return ops.get(op.callId) == op;
    }

    int inFlight() {
        return inFlight.get();
    }

    private void sweep() {
        while (!closed) {
            LockSupport.parkNanos(50_000_000);
            long now = System.nanoTime();
            for (Op op : ops.values()) {
                op.expireIfDue(now);
            }
        }
    }

    void later(long ms, Runnable r) {
        timer.schedule(r, ms, TimeUnit.MILLISECONDS);
    }

    /** Receive-buffer drops on the bench's own sockets (Linux), -1 if unknown. */
    long ownDrops() {
        long n = 0;
        for (Endpoint e : endpoints) {
            long d = UdpDrops.port(e.port);
            if (d < 0) {
                return -1;
            }
            n += d;
        }
        return n;
    }

    long sendProblems() {
        long n = 0;
        for (Endpoint e : endpoints) {
            n += e.sendErrors.sum() + e.refused.sum();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        timer.shutdownNow();
        for (Endpoint e : endpoints) {
            e.close();
        }
    }
}
