package org.switchboard.moh.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The stream as a radio station: a loop of equal chunks whose position is a function of the
 * clock alone, so every listener, whenever it tunes in, hears the chunk that is on air now.
 * Nothing runs while nobody listens.
 */
final class HoldStream {
    private final List<Path> chunks;
    private final long chunkNanos;
    private final LongSupplier nanoClock;
    private final long start;

    /**
     * @param chunks the loop, in order (at least one)
     * @param chunkNanos the length of each chunk
     * @param nanoClock a monotonic clock ({@code System::nanoTime})
     */
    HoldStream(List<Path> chunks, long chunkNanos, LongSupplier nanoClock) {
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one chunk");
        }
        this.chunks = List.copyOf(chunks);
        this.chunkNanos = chunkNanos;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** @return the index of the chunk on air now */
    int onAir() {
        long elapsed = nanoClock.getAsLong() - start;
        return (int) Math.floorMod(elapsed / chunkNanos, (long) chunks.size());
    }

    /** @return {@code count} chunks from the one on air now, wrapping round the loop */
    List<Path> fromNow(int count) {
        int first = onAir();
        List<Path> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(chunks.get((first + i) % chunks.size()));
        }
        return out;
    }

    int size() {
        return chunks.size();
    }
}
