package org.switchboard.media.internal.leg;

import java.util.concurrent.Executor;

/**
 * Runs commands on the clock thread that owns some media state (a shard, or a leg wherever it
 * is now) and tells the media time there. Operations and loaders use this, so that they follow
 * a leg that moves to another shard.
 */
public interface ClockExecutor extends Executor {

    /** @return milliseconds of media time since the clock started */
    long now();
}
