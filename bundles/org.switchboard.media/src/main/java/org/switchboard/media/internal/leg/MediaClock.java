package org.switchboard.media.internal.leg;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single 20 ms clock of the engine. Each tick runs queued commands, then lets every leg
 * take its received frame, every mixer mix, and every leg send. Leg and mixer state is only
 * touched on this thread, so it needs no locks; other threads hand work over with
 * {@link #execute}. Tests call {@link #tick()} themselves instead of {@link #start()}.
 */
public final class MediaClock implements AutoCloseable {
    public static final int FRAME_MS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MediaClock.class);

    /** Takes part in every tick. */
    public interface Client {
        void receive(long now);

        void send(long now);
    }

    /** Mixes between the receive and send phases. */
    public interface Mix {
        /** @return false to be removed */
        boolean mix(long now);
    }

    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<Mix> mixes = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;
    private volatile long now;

    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-clock");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        executor.scheduleAtFixedRate(this::safeTick, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
    }

    /** @return milliseconds of media time since the clock started */
    public long now() {
        return now;
    }

    /** Runs a command on the clock thread at the start of the next tick. */
    public void execute(Runnable command) {
        commands.add(command);
    }

    public void add(Client c) {
        clients.add(c);
    }

    public void remove(Client c) {
        clients.remove(c);
    }

    public void add(Mix m) {
        mixes.add(m);
    }

    public synchronized void tick() {
        now += FRAME_MS;
        Runnable r;
        while ((r = commands.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("media command failed: {}", e.toString(), e);
            }
        }
        for (Client c : clients) {
            c.receive(now);
        }
        for (Mix m : mixes) {
            if (!m.mix(now)) {
                mixes.remove(m);
            }
        }
        for (Client c : clients) {
            c.send(now);
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("media clock tick failed: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
