package org.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the frames of many legs from one thread: a timer wheel of 20 slots of 1 ms. Each leg gets a
 * slot (round robin, so the legs' 20 ms ticks are spread evenly) and sends one frame each time the
 * wheel passes its slot; a late wheel sends what is due (no frame is skipped) and the lateness is
 * measured.
 */
final class RtpSender implements Runnable {
    private static final long TICK = 1_000_000L;
    private static final int SLOTS = 20;
    private final List<List<RtpLeg>> slots = new ArrayList<>();
    private final ConcurrentLinkedQueue<RtpLeg> added = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile RtpStats stats;
    private volatile boolean closed;
    private int next;
    private long errors;
    private final long start = System.nanoTime();

    RtpSender(String name, RtpStats stats) {
        this.stats = stats;
        for (int i = 0; i < SLOTS; i++) {
            slots.add(new ArrayList<>());
        }
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    void stats(RtpStats s) {
        stats = s;
    }

    void add(RtpLeg leg) {
        added.add(leg);
    }

    @Override
    public void run() {
        long tick = 0;
        while (!closed) {
            long due = start + tick * TICK;
            long now = System.nanoTime();
            if (due - now > 0) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            RtpLeg l;
            while ((l = added.poll()) != null) {
                int slot = next++ % SLOTS;
                long m = tick + 1 + Math.floorMod(slot - (tick + 1), SLOTS);
                l.t0 = start + m * TICK;
                slots.get(slot).add(l);
            }
            List<RtpLeg> legs = slots.get((int) (tick % SLOTS));
            RtpStats s = stats;
            for (int i = legs.size() - 1; i >= 0; i--) {
                RtpLeg leg = legs.get(i);
                if (leg.closed) {
                    legs.set(i, legs.get(legs.size() - 1));
                    legs.remove(legs.size() - 1);
                    continue;
                }
                long t = System.nanoTime();
                while (leg.scheduled(leg.frames) - t <= TICK / 2) {
                    if (s.measuring) {
                        long late = t - leg.scheduled(leg.frames);
                        s.lateness.record(late);
                        s.sent.increment();
                        if (late > 40_000_000L) {
                            s.lateSent.increment();
                        }
                    }
                    try {
                        leg.sendFrame();
                    } catch (RuntimeException e) { // never let one leg stop the wheel
                        leg.frames++;
                        if (errors++ < 5) {
                            System.err.println("rtp send " + leg.name + ": " + e);
                        }
                    }
                }
            }
            tick++;
        }
    }

    void close() {
        closed = true;
    }
}
