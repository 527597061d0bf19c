package org.switchboard.sip.internal.app;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Retransmits a 2xx to an INVITE until its ACK arrives (RFC 3261 section 13.3.1.4): after
 * T1, doubling up to T2, for 64*T1 in all; then the UAS gives up and ends the dialog. The
 * JAIN-SIP RI does this only for transactions that have a dialog, and the platform keeps none.
 */
final class OkRetransmitter {
    static final long T1_MS = 500;
    static final long T2_MS = 4000;
    static final long LIMIT_MS = 64 * T1_MS;

    private final ScheduledExecutorService timers;
    private final Runnable resend;
    private final Runnable giveUp;
    private ScheduledFuture<?> next;
    private long interval = T1_MS;
    private long elapsed;
    private boolean done;

    OkRetransmitter(ScheduledExecutorService timers, Runnable resend, Runnable giveUp) {
        this.timers = timers;
        this.resend = resend;
        this.giveUp = giveUp;
    }

    synchronized OkRetransmitter start() {
        schedule();
        return this;
    }

    /** The ACK came (or the dialog ended): stop. */
    synchronized void stop() {
        done = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** @return the interval after one of {@code interval} */
    static long nextInterval(long interval) {
        return Math.min(2 * interval, T2_MS);
    }

    private void schedule() {
        try {
            next = timers.schedule(this::fire, interval, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done = true; // shutting down
        }
    }

    private void fire() {
        boolean expired;
        synchronized (this) {
            if (done) {
                return;
            }
            elapsed += interval;
            expired = elapsed >= LIMIT_MS;
            if (expired) {
                done = true;
            } else {
                resend.run();
                interval = nextInterval(interval);
                schedule();
            }
        }
        if (expired) {
            giveUp.run();
        }
    }
}
