package org.switchboard.media.internal.leg;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaException;

/**
 * One shard of the engine's clock: a thread that ticks every 20 ms for its legs and mixers.
 * Each tick runs queued commands, then lets every leg take its received frame, every mixer mix,
 * and every leg send. Leg and mixer state is only touched on this thread, so it needs no locks;
 * other threads hand work over with {@link #execute}. A bridge or a room and its legs are on one
 * shard ({@link LegClock#moveTo}). Tests call {@link #tick()} themselves instead of
 * {@link #start}.
 */
public final class MediaClock implements ClockExecutor, AutoCloseable {
    public static final int FRAME_MS = 20;
    /** Commands are control traffic (a leg starts, a prompt is ready): far more than a tick ever has. */
    static final int MAX_COMMANDS = 16_384;
    private static final Logger LOG = LoggerFactory.getLogger(MediaClock.class);
    private static final Client[] NO_CLIENTS = {};
    private static final Mix[] NO_MIXES = {};

    /** Takes part in every tick. */
    public interface Client {
        void receive(long now);

        void send(long now);

        /** It threw in a tick and was taken off the clock: it should end (clock thread). */
        default void failed(Throwable t) {
        }
    }

    /** Mixes between the receive and send phases. */
    public interface Mix {
        /** @return false to be removed */
        boolean mix(long now);
    }

    private final String name;
    private final BlockingQueue<Runnable> commands = new ArrayBlockingQueue<>(MAX_COMMANDS);
    private final AtomicInteger load = new AtomicInteger();
    // replaced, never changed in place, under this clock's lock: a tick iterates a snapshot
    private Client[] clients = NO_CLIENTS;
    private Mix[] mixes = NO_MIXES;
    private volatile Thread thread;
    private volatile long now;

    public MediaClock() {
        this("media-clock");
    }

    public MediaClock(String name) {
        this.name = name;
    }

    /** Ticks every 20 ms on a thread of its own, the first tick after {@code phaseMillis}. */
    public void start(long phaseMillis) {
        Thread t = new Thread(() -> run(phaseMillis), name);
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    /**
     * At a fixed rate, as {@code scheduleAtFixedRate}: a late tick is followed by catch-up ticks
     * (the jitter buffer expects that). A plain park rather than a scheduled executor, whose
     * queue allocates a node on every wait.
     */
    private void run(long phaseMillis) {
        long period = TimeUnit.MILLISECONDS.toNanos(FRAME_MS);
        long next = System.nanoTime() + period + TimeUnit.MILLISECONDS.toNanos(phaseMillis);
        while (thread == Thread.currentThread()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            } else {
                safeTick();
                next += period;
            }
        }
    }

    public void start() {
        start(0);
    }

    public String name() {
        return name;
    }

    @Override
    public long now() {
        return now;
    }

    /** @return how many legs (and mixers) live here: the engine puts new ones on the least loaded shard */
    public int load() {
        return load.get();
    }

    void load(int delta) {
        load.addAndGet(delta);
    }

    /**
     * Runs a command on the clock thread at the start of the next tick.
     *
     * @throws MediaException 503 when the clock is so far behind that its command queue is full
     */
    @Override
    public void execute(Runnable command) {
        if (!commands.offer(command)) {
            LOG.error("{}: {} commands waiting, the clock thread is stuck or overloaded; refusing more", name,
                    MAX_COMMANDS);
            throw new MediaException(503, name + " is overloaded");
        }
    }

    /** Adds a client: at once on the clock thread (inside a tick), else at the start of the next tick. */
    public void add(Client c) {
        if (Thread.holdsLock(this)) {
            clients = append(clients, c);
        } else {
            execute(() -> add(c));
        }
    }

    public void remove(Client c) {
        if (Thread.holdsLock(this)) {
            clients = without(clients, c);
        } else {
            execute(() -> remove(c));
        }
    }

    public void add(Mix m) {
        if (Thread.holdsLock(this)) {
            mixes = append(mixes, m);
        } else {
            execute(() -> add(m));
        }
    }

    /** @return how many clients tick here now (clock thread, or tests) */
    public synchronized int clients() {
        return clients.length;
    }

    public synchronized void tick() {
        now += FRAME_MS;
        Runnable r;
        while ((r = commands.poll()) != null) {
            try {
                r.run();
            } catch (Throwable t) { // NOPMD: one failed command must not stop every leg of the shard
                LOG.error("{}: a media command failed: {}", name, t.toString(), t);
            }
        }
        Client[] cs = clients;
        for (Client c : cs) {
            try {
                c.receive(now);
            } catch (Throwable t) { // NOPMD
                fail(c, t);
            }
        }
        Mix[] ms = mixes;
        for (Mix m : ms) {
            try {
                if (!m.mix(now)) {
                    mixes = without(mixes, m);
                }
            } catch (Throwable t) { // NOPMD
                LOG.error("{}: a mixer failed and was removed: {}", name, t.toString(), t);
                mixes = without(mixes, m);
            }
        }
        cs = clients;
        for (Client c : cs) {
            try {
                c.send(now);
            } catch (Throwable t) { // NOPMD
                fail(c, t);
            }
        }
    }

    /** A failing leg leaves the shard (and ends) rather than failing 50 times a second. */
    private void fail(Client c, Throwable t) {
        LOG.error("{}: {} failed in a tick and is taken off the clock: {}", name, c, t.toString(), t);
        clients = without(clients, c);
        try {
            c.failed(t);
        } catch (Throwable again) { // NOPMD
            LOG.error("{}: ending {} failed too: {}", name, c, again.toString(), again);
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (Throwable t) { // NOPMD: the shard's legs would fall silent for good
            LOG.error("{}: media clock tick failed: {}", name, t.toString(), t);
        }
    }

    private static <T> T[] append(T[] a, T item) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = item;
        return b;
    }

    private static <T> T[] without(T[] a, T item) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == item) {
                T[] b = Arrays.copyOf(a, a.length - 1);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                return b;
            }
        }
        return a;
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
