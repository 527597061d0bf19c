package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRegistryTest {
    private final MutableClock clock = new MutableClock();
    private final List<String> events = new java.util.ArrayList<>();
    private final CallRegistry calls = new CallRegistry(clock, (topic, p) -> events.add(topic.substring(topic.lastIndexOf('/') + 1)
            + " " + new java.util.TreeMap<>(p)));

    /** A clock the test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private CallRegistry.Call only() {
        List<CallRegistry.Call> list = calls.list();
        assertEquals(1, list.size(), list::toString);
        return list.get(0);
    }

    @Test
    void startedRingingAnswered() {
        Instant t0 = clock.now;
        calls.started("c1", "sip:alice@example.com", "sip:bob@example.com");
        CallRegistry.Call c = only();
        assertEquals(CallRegistry.State.TRYING, c.state());
        assertEquals(t0, c.started());
        assertNull(c.answered());
        assertEquals("sip:alice@example.com", c.from());
        assertEquals("sip:bob@example.com", c.to());
        calls.ringing("c1");
        assertEquals(CallRegistry.State.RINGING, only().state());
        clock.now = t0.plusSeconds(5);
        calls.answered("c1");
        assertEquals(CallRegistry.State.ANSWERED, only().state());
        assertEquals(t0.plusSeconds(5), only().answered());
        assertEquals(t0, only().started());
    }

    @Test
    void laterEventsDoNotMoveAnAnsweredCallBack() {
        calls.started("c1", "a", "b");
        calls.answered("c1");
        Instant answered = only().answered();
        clock.now = clock.now.plusSeconds(3);
        calls.ringing("c1");
        calls.answered("c1");
        calls.started("c1", "x", "y");
        assertEquals(CallRegistry.State.ANSWERED, only().state());
        assertEquals(answered, only().answered());
        assertEquals("a", only().from());
    }

    @Test
    void failedRemovesUnansweredCallsOnly() {
        calls.started("ringing", "a", "b");
        calls.ringing("ringing");
        calls.started("up", "a", "c");
        calls.answered("up");
        calls.failed("ringing", 487, "unanswered");
        calls.failed("up", 487, "unanswered");
        assertEquals("up", only().callId());
        assertEquals("ENDED {call.id=ringing, from=a, reason=unanswered, status=487, to=b}", events.get(events.size() - 1),
                "no ENDED for the answered call: " + events);
    }

    @Test
    void eachChangeIsOneEventWithTheCallId() {
        calls.started("c1", "sip:alice@example.com", "sip:bob@example.com");
        calls.started("c1", "sip:alice@example.com", "sip:bob@example.com"); // the INVITE with credentials
        calls.ringing("c1");
        calls.ringing("c1"); // a second fork rings
        calls.answered("c1");
        calls.answered("c1"); // a 200 retransmitted or from a second fork
        calls.ended("c1");
        calls.ended("c1"); // a BYE retransmitted
        String who = "from=sip:alice@example.com, to=sip:bob@example.com}";
        assertEquals(List.of("STARTED {call.id=c1, " + who, "RINGING {call.id=c1, " + who, "ANSWERED {call.id=c1, " + who,
                "ENDED {call.id=c1, " + who.replace("to=", "reason=bye, to=")), events);
    }

    @Test
    void endedRemovesAnyCall() {
        calls.started("c1", "a", "b");
        calls.answered("c1");
        calls.ended("c1");
        assertTrue(calls.list().isEmpty());
        calls.ringing("c1");
        calls.answered("c1");
        assertTrue(calls.list().isEmpty(), "events for an unknown call create nothing");
    }

    @Test
    void listIsOldestFirstAndDropsCallsOlderThan12Hours() {
        calls.started("old", "a", "b");
        clock.now = clock.now.plusSeconds(10);
        calls.started("new", "a", "c");
        assertEquals(List.of("old", "new"), calls.list().stream().map(CallRegistry.Call::callId).toList());
        clock.now = clock.now.plus(Duration.ofHours(12)).minusSeconds(5);
        assertEquals(List.of("new"), calls.list().stream().map(CallRegistry.Call::callId).toList());
    }

    @Test
    void answeredCallsOutliveARestartOfTheSipBundle(@TempDir Path dir) throws Exception {
        CallRegistry before = new CallRegistry(Clock.systemUTC());
        before.started("up@x", "sip:alice@x", "sip:bob@x");
        before.answered("up@x");
        before.started("ringing@x", "sip:carol@x", "sip:dave@x");
        before.ringing("ringing@x");
        Path file = dir.resolve("switchboard/sip-calls.tsv");
        before.save(file);

        CallRegistry after = new CallRegistry(Clock.systemUTC());
        after.load(file);
        assertEquals(1, after.list().size(), "the answered call is listed; a ringing one cannot survive its transaction");
        CallRegistry.Call call = after.list().get(0);
        assertEquals("up@x", call.callId());
        assertEquals(CallRegistry.State.ANSWERED, call.state());
        assertEquals("sip:bob@x", call.to());
        assertFalse(Files.exists(file), "read once");
        after.ended("up@x");
        assertEquals(0, after.list().size(), "its BYE ends it");
    }

    @Test
    void theTableIsBounded() {
        CallRegistry calls = new CallRegistry(Clock.systemUTC());
        for (int i = 0; i < CallRegistry.MAX_CALLS + 10; i++) {
            calls.started("c" + i, "a", "b");
        }
        assertEquals(CallRegistry.MAX_CALLS, calls.list().size());
    }
}
