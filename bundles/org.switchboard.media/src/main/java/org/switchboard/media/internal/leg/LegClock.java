package org.switchboard.media.internal.leg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard a leg ticks on now. A leg starts on the least loaded shard and moves when it is
 * bridged or joins a room, so that a mixer and its legs share one thread. Commands for the leg
 * (its operations, its end) go through here: one that reaches the old shard after the move is
 * passed on to the new one, so the leg's state is only ever touched by the shard that owns it.
 */
final class LegClock implements ClockExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(LegClock.class);
    private volatile MediaClock shard;

    LegClock(MediaClock shard) {
        this.shard = shard;
        shard.load(1);
    }

    MediaClock shard() {
        return shard;
    }

    @Override
    public long now() {
        return shard.now();
    }

    @Override
    public void execute(Runnable command) {
        MediaClock s = shard;
        s.execute(() -> {
            if (shard == s) {
                command.run();
            } else {
                execute(command); // moved meanwhile: the new shard owns the leg now
            }
        });
    }

    /**
     * Moves the leg to {@code target} (after the commands already queued for it), then runs
     * {@code then} there. Any thread.
     */
    void moveTo(MediaClock target, MediaClock.Client leg, Runnable then) {
        execute(() -> {
            MediaClock from = shard;
            if (from != target) {
                from.remove(leg);
                from.load(-1);
                target.load(1);
                // queued before the switch: whatever is sent to the target for this leg afterwards comes after it
                target.execute(() -> {
                    target.add(leg);
                    then.run();
                });
                shard = target; // from here on the target's thread owns the leg
                LOG.debug("{} moved from {} to {}", leg, from, target);
            } else {
                then.run();
            }
        });
    }

    /** The leg ended (on its shard). */
    void leave(MediaClock.Client leg) {
        shard.remove(leg);
        shard.load(-1);
    }
}
