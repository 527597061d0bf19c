package org.switchboard.media.internal.leg;

/** Marks a leg as sending back what it receives. */
final class Echo extends LegOperation<Void> {
    private final Runnable remove;

    Echo(ClockExecutor clock, Runnable remove) {
        super(clock);
        this.remove = remove;
    }

    @Override
    void stopped() {
        remove.run();
        finish(null);
    }

    @Override
    void legEnded() {
        finish(null);
    }
}
