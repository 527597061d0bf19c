package org.switchboard.media.internal.leg;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.LegEndReason;
import org.switchboard.api.media.LegOptions;
import org.switchboard.media.internal.transport.UdpTransport;

/** Legs spread over clock shards; a bridge or a room and its legs on one; a failure stays local. */
class ShardingTest {
    private final Clocks clocks = new Clocks(3).start();
    private final UdpTransport transport = new UdpTransport(InetAddress.getLoopbackAddress(), 0, 65535, 1);
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private final LegContext ctx = new LegContext(clocks, transport, blocking, () -> null, Duration.ZERO,
            "127.0.0.1", p -> null, List.of("PCMU"));
    private final Legs legs = new Legs(ctx);

    @AfterEach
    void close() {
        clocks.close();
        transport.close();
        blocking.shutdownNow();
    }

    private Leg leg(String label) {
        return legs.answer("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 9 RTP/AVP 0\r\n", LegOptions.defaults(label));
    }

    private int[] clientsPerShard() {
        int[] n = new int[clocks.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = clocks.shard(i).clients();
        }
        return n;
    }

    @Test
    void newLegsAreSpreadOverTheShards() {
        for (int i = 0; i < 9; i++) {
            leg("l" + i);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertEquals(List.of(3, 3, 3), List.of(clientsPerShard()[0], clientsPerShard()[1],
                        clientsPerShard()[2])));
    }

    @Test
    void aBridgeAndItsTwoLegsTickOnOneShard() {
        Leg a = leg("a");
        Leg b = leg("b");
        assertNotSame(a.clock().shard(), b.clock().shard(), "two new legs start on two shards");
        BridgeImpl bridge = new BridgeImpl(a, b);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertSame(a.clock().shard(), b.clock().shard());
            assertEquals(2, a.clock().shard().clients(), "both legs tick there, nowhere else");
            assertEquals(2, java.util.Arrays.stream(clientsPerShard()).sum());
        });
        bridge.close();
        a.close();
        b.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> java.util.Arrays.stream(clientsPerShard()).sum() == 0);
    }

    @Test
    void aRoomKeepsAllItsLegsOnItsShard() {
        List<Leg> parties = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parties.add(leg("p" + i));
        }
        MediaClock roomShard = clocks.shard(1);
        ConferenceImpl room = new ConferenceImpl("room", roomShard, new PromptLoader(roomShard, blocking, () -> null));
        parties.forEach(p -> room.add(p, false));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertEquals(6, room.participants().size());
            for (Leg p : parties) {
                assertSame(roomShard, p.clock().shard(), p.id());
            }
            assertEquals(6, roomShard.clients());
        });
        // commands for a leg that moved still reach it, on its new shard
        AtomicReference<String> ranOn = new AtomicReference<>();
        parties.get(0).clock().execute(() -> ranOn.set(Thread.currentThread().getName()));
        await().atMost(Duration.ofSeconds(5)).until(() -> "media-clock-1".equals(ranOn.get()));
    }

    /** A callee leg ticks before its answer comes (it used to throw there, every tick, and the tick ended early). */
    @Test
    void anUnansweredOfferTicksWithoutFailing() throws Exception {
        Leg ringing = legs.offer(LegOptions.defaults("ringing"));
        AtomicReference<LegEndReason> ended = new AtomicReference<>();
        ringing.onEnded(ended::set);
        ringing.play(List.of(new org.switchboard.api.media.AudioRef.Silence(Duration.ofMillis(200))), false).result()
                .toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(null, ended.get(), "still up after ten ticks");
        assertEquals(1, ringing.clock().shard().clients());
    }

    @Test
    void aFailingLegIsEndedAndItsShardKeepsTicking() {
        Leg healthy = leg("healthy");
        MediaClock shard = healthy.clock().shard();
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        shard.add(new MediaClock.Client() {
            @Override
            public void receive(long now) {
                throw new IllegalStateException("broken leg");
            }

            @Override
            public void send(long now) {
            }

            @Override
            public void failed(Throwable t) {
                failure.set(t);
            }
        });
        shard.add(new MediaClock.Client() {
            @Override
            public void receive(long now) {
                ticks.incrementAndGet();
            }

            @Override
            public void send(long now) {
            }
        });
        shard.execute(() -> {
            throw new OutOfMemoryError("a failing command (simulated)");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> failure.get() != null && ticks.get() > 10);
        assertEquals(2, shard.clients(), "the broken one was taken off, the healthy leg and the counter stay");
        // a real leg that throws ends as FAILED and leaves its shard
        AtomicReference<LegEndReason> ended = new AtomicReference<>();
        healthy.onEnded(ended::set);
        shard.execute(() -> healthy.failed(new IllegalStateException("simulated")));
        await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() == LegEndReason.FAILED);
        await().atMost(Duration.ofSeconds(5)).until(() -> shard.clients() == 1);
        int before = ticks.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() > before + 5);
    }
}
