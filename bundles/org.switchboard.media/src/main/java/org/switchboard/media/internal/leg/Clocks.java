package org.switchboard.media.internal.leg;

/**
 * The engine's clock shards: legs are spread over a few clock threads (one per core by default)
 * instead of one thread carrying every leg. A new leg goes to the least loaded shard; a bridge
 * or a room pulls its legs onto its own shard, so that mixing never crosses threads.
 */
public final class Clocks implements AutoCloseable {
    private final MediaClock[] shards;

    /** @param threads the number of shards; 0 or less for one per available processor */
    public Clocks(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        shards = new MediaClock[n];
        for (int i = 0; i < n; i++) {
            shards[i] = new MediaClock("media-clock-" + i);
        }
    }

    /** Starts the threads, their ticks spread over the 20 ms frame so that they do not send in bursts together. */
    public Clocks start() {
        for (int i = 0; i < shards.length; i++) {
            shards[i].start((long) MediaClock.FRAME_MS * i / shards.length);
        }
        return this;
    }

    public int size() {
        return shards.length;
    }

    public MediaClock shard(int i) {
        return shards[i];
    }

    /** @return the shard with the fewest legs and mixers */
    public MediaClock leastLoaded() {
        MediaClock best = shards[0];
        for (MediaClock s : shards) {
            if (s.load() < best.load()) {
                best = s;
            }
        }
        return best;
    }

    /** @return of two shards, the one with less load (the first when equal) */
    static MediaClock lighter(MediaClock a, MediaClock b) {
        return b.load() < a.load() ? b : a;
    }

    @Override
    public void close() {
        for (MediaClock s : shards) {
            s.close();
        }
    }
}
