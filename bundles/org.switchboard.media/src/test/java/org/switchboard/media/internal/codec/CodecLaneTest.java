package org.switchboard.media.internal.codec;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opus off the clock: per-leg order, one tick of latency, a stuck or failing worker never blocks the clock. */
class CodecLaneTest {
    private final CodecWorkers workers = new CodecWorkers(2);

    @AfterEach
    void close() {
        workers.close();
    }

    /** Encodes a frame as its first sample (two bytes); decodes a packet into a frame of its first byte. */
    private static class FakeCodec implements AudioCodec {
        final List<Integer> encoded = new CopyOnWriteArrayList<>();
        final List<Integer> decoded = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean fail;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int payloadType() {
            return 96;
        }

        @Override
        public int encode(short[] pcm, int samples, byte[] out, int outOff) {
            await(gate);
            if (fail) {
                throw new IllegalStateException("encoder broke");
            }
            encoded.add((int) pcm[0]);
            out[outOff] = (byte) (pcm[0] >> 8);
            out[outOff + 1] = (byte) pcm[0];
            return 2;
        }

        @Override
        public int decode(byte[] in, int off, int len, short[] pcm) {
            await(gate);
            int v = (in[off] & 0xFF) << 8 | in[off + 1] & 0xFF;
            decoded.add(v);
            java.util.Arrays.fill(pcm, (short) v);
            return pcm.length;
        }

        private static void await(CountDownLatch gate) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static short[] frame(int value) {
        short[] pcm = new short[160];
        java.util.Arrays.fill(pcm, (short) value);
        return pcm;
    }

    @Test
    void framesComeBackInOrderOnLaterTicks() {
        FakeCodec codec = new FakeCodec();
        CodecLane lane = new CodecLane(codec, workers);
        byte[] out = new byte[1500];
        short[] pcm = new short[160];
        List<Integer> sent = new CopyOnWriteArrayList<>();
        List<Integer> heard = new CopyOnWriteArrayList<>();
        int[] tick = {0};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(() -> {
            // one clock tick: this tick's packet and frame in, earlier results out
            lane.decode(new byte[] {(byte) (tick[0] >> 8), (byte) tick[0]}, 2);
            int n = lane.encode(frame(tick[0]++), out, 12);
            if (n > 0) {
                sent.add((out[12] & 0xFF) << 8 | out[13] & 0xFF);
            }
            if (lane.takeDecoded(pcm)) {
                heard.add((int) pcm[0]);
            }
            return sent.size() >= 50 && heard.size() >= 50;
        });
        increasing(sent);
        increasing(heard);
        increasing(codec.encoded);
        increasing(codec.decoded);
        assertEquals(0, heard.get(0), "the first packet is heard first, a tick later");
    }

    private static void increasing(List<Integer> values) {
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) > values.get(i - 1), "per-leg order: " + values);
        }
    }

    @Test
    void aStuckWorkerNeitherBlocksTheClockNorGrowsMemory() {
        FakeCodec codec = new FakeCodec();
        codec.gate = new CountDownLatch(1);
        CodecLane lane = new CodecLane(codec, workers);
        byte[] out = new byte[1500];
        short[] pcm = new short[160];
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) { // 20 s of ticks against a worker that does not come back
            assertEquals(0, lane.encode(frame(i), out, 12), "nothing ready: nothing to send");
            lane.decode(new byte[] {0, 1}, 2);
            assertTrue(!lane.takeDecoded(pcm));
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the clock never waited");
        assertTrue(lane.dropped() >= 2 * (1000 - CodecLane.SLOTS), "the bounded rings dropped the rest");
        codec.gate.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            lane.encode(frame(7), out, 12);
            return lane.takeDecoded(pcm);
        });
    }

    @Test
    void aFailingCodecDropsItsFrameAndTheWorkersGoOn() {
        FakeCodec broken = new FakeCodec();
        broken.fail = true;
        FakeCodec healthy = new FakeCodec();
        CodecLane bad = new CodecLane(broken, workers);
        CodecLane good = new CodecLane(healthy, workers);
        byte[] out = new byte[1500];
        int[] tick = {0};
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2)).until(() -> {
            assertEquals(0, bad.encode(frame(tick[0]), out, 12), "a failed frame is not sent");
            good.encode(frame(tick[0]++), out, 12);
            return healthy.encoded.size() > 20;
        });
    }
}
