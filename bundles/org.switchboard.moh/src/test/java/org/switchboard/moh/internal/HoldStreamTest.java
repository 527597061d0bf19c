package org.switchboard.moh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.PlayResult;
import org.switchboard.testing.FakeCall;
import org.switchboard.testing.FakeLeg;

class HoldStreamTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final List<Path> chunks = IntStream.range(0, 15).mapToObj(i -> Path.of("c" + i + ".wav")).toList();
    private final HoldStream stream = new HoldStream(chunks, SECOND, now::get);
    private final StreamingMusicOnHold moh = new StreamingMusicOnHold(stream);

    @Test
    void thePositionFollowsTheClockAndLoops() {
        assertEquals(0, stream.onAir());
        now.addAndGet(3 * SECOND + SECOND / 2);
        assertEquals(3, stream.onAir());
        now.addAndGet(12 * SECOND);
        assertEquals(0, stream.onAir(), "15 chunks: second 15 is the start again");
        now.addAndGet(14 * SECOND);
        assertEquals(List.of("c14.wav", "c0.wav", "c1.wav"), stream.fromNow(3).stream().map(Path::toString).toList());
    }

    @Test
    void aLateListenerJoinsWhereTheStreamIsNotAtTheStart() {
        FakeLeg first = hold();
        moh.play(first);
        now.addAndGet(7 * SECOND + 300_000_000L);
        FakeLeg second = hold();
        moh.play(second);
        assertEquals("c0.wav", firstChunk(first, 0));
        assertEquals("c7.wav", firstChunk(second, 0), "the second listener hears what the first hears now");
        assertEquals(HoldListener.BATCH, second.plays.get(0).size());
    }

    @Test
    void whenABatchEndsTheListenerTunesInAgainWhereTheStreamIs() {
        FakeLeg leg = hold();
        moh.play(leg);
        now.addAndGet(10 * SECOND + 40_000_000L); // the batch took a little longer than 10 s
        leg.playOps.get(0).result.complete(new PlayResult(PlayResult.End.COMPLETED, (char) 0));
        assertEquals(2, leg.plays.size());
        assertEquals("c10.wav", firstChunk(leg, 1));
        assertEquals("c4.wav", leg.plays.get(1).get(9) instanceof AudioRef.File f ? f.path().toString() : "");
    }

    @Test
    void stoppingOrHangingUpEndsTheMusic() {
        FakeLeg a = hold();
        var opA = moh.play(a);
        opA.stop();
        assertTrue(a.playOps.get(0).stopped);
        assertTrue(opA.result().toCompletableFuture().isDone());
        assertEquals(1, a.plays.size(), "a stopped playback does not chain");

        FakeLeg b = hold();
        var opB = moh.play(b);
        b.end();
        assertTrue(opB.result().toCompletableFuture().isDone());
        assertEquals(1, b.plays.size());
    }

    @Test
    void theMohApplicationPlaysUntilTheCallEnds() {
        MohApplication app = new MohApplication(moh);
        FakeCall call = new FakeCall("alice", "");
        call.leg.holdPlays = true;
        app.handle(call);
        assertEquals(1, call.leg.plays.size());
        call.hangup();
        assertEquals(1, call.leg.plays.size());
    }

    private static FakeLeg hold() {
        FakeLeg leg = new FakeLeg("l");
        leg.holdPlays = true;
        return leg;
    }

    private static String firstChunk(FakeLeg leg, int play) {
        return ((AudioRef.File) leg.plays.get(play).get(0)).path().toString();
    }
}
