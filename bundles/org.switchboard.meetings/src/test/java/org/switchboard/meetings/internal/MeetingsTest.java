package org.switchboard.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.meetings.internal.FakeEngine.FakeConference;
import org.switchboard.testing.FakeCall;
import org.switchboard.testing.FakePrompts;

class MeetingsTest {
    private static final RoomSettings SECRET = new RoomSettings("8100", "4321", false, 50);
    private static final RoomSettings QUIET = new RoomSettings("8200", "", true, 2);

    private final FakeEngine engine = new FakeEngine();
    private final FakePrompts prompts = new FakePrompts();
    private final Rooms rooms = new Rooms(engine, n -> prompts.find("meetings", n),
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    private final RoomDirectory directory = new RoomDirectory(
            n -> Optional.ofNullable(Map.of("8100", SECRET, "8200", QUIET).get(n)), "8000-8999", 50);

    private FakeCall dial(String who, String room) {
        FakeCall c = new FakeCall(who, room);
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        return c;
    }

    @Test
    void theFirstCallerOpensTheRoomAndHearsSo() {
        FakeCall alice = dial("alice", "8000");
        assertEquals(List.of("joined-meeting", "first-participant"), alice.leg.heard());
        assertEquals(1, engine.conferences.size());
        FakeConference conf = engine.conferences.get(0);
        assertEquals("meeting-8000", conf.name);
        assertEquals(Map.of(alice.leg, false), conf.members);
        assertEquals(List.of("join-tone"), conf.played);

        FakeCall bob = dial("bob", "8000");
        assertEquals(List.of("joined-meeting"), bob.leg.heard());
        assertEquals(1, engine.conferences.size(), "one conference per room");
        assertEquals(List.of("join-tone", "join-tone"), conf.played);
        assertEquals(List.of("alice", "bob"), rooms.room("8000").orElseThrow().participants().stream()
                .map(Participant::id).toList());
    }

    @Test
    void theRoomClosesWhenTheLastOneLeavesAndOpensAfresh() {
        FakeCall alice = dial("alice", "8000");
        FakeCall bob = dial("bob", "8000");
        FakeConference conf = engine.conferences.get(0);
        bob.hangup();
        assertEquals(List.of("join-tone", "join-tone", "leave-tone"), conf.played);
        assertFalse(conf.closed);
        alice.hangup();
        assertTrue(conf.closed);
        assertTrue(rooms.list().isEmpty());

        FakeCall carol = dial("carol", "8000");
        assertEquals(List.of("joined-meeting", "first-participant"), carol.leg.heard());
        assertEquals(2, engine.conferences.size());
    }

    @Test
    void roomsAreSeparate() {
        dial("alice", "8000");
        dial("bob", "8001");
        assertEquals(List.of("8000", "8001"), rooms.list().stream().map(RoomView::number).toList());
    }

    @Test
    void aRightPinLetsTheCallerIn() {
        FakeCall c = new FakeCall("alice", "8100");
        c.leg.press("4321");
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        assertEquals(List.of("enter-pin", "joined-meeting", "first-participant"), c.leg.heard());
        assertEquals("#", c.leg.collections.get(0).terminators());
    }

    @Test
    void aWrongPinIsAskedAgainUpToThreeTimes() {
        FakeCall c = new FakeCall("alice", "8100");
        c.leg.press("1111").press("2222").press("4321");
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        assertEquals(List.of("enter-pin", "wrong-pin", "enter-pin", "wrong-pin", "enter-pin", "joined-meeting",
                "first-participant"), c.leg.heard());
        assertFalse(c.hungUp);
    }

    @Test
    void threeWrongPinsHangUp() {
        FakeCall c = new FakeCall("mallory", "8100");
        c.leg.press("1").press("2").silence();
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        assertEquals(List.of("enter-pin", "wrong-pin", "enter-pin", "wrong-pin", "enter-pin", "wrong-pin", "goodbye"),
                c.leg.heard());
        assertTrue(c.hungUp);
        assertTrue(engine.conferences.isEmpty(), "the room never opened");
    }

    @Test
    void muteOnJoinAndMaxParticipants() {
        FakeCall a = dial("a", "8200");
        FakeCall b = dial("b", "8200");
        FakeCall c = dial("c", "8200");
        assertEquals(List.of("joined-meeting", "first-participant", "muted"), a.leg.heard());
        assertEquals(Map.of(a.leg, true, b.leg, true), engine.conferences.get(0).members);
        assertEquals(List.of("room-full", "goodbye"), c.leg.heard());
        assertTrue(c.hungUp);
        assertTrue(rooms.find("8200", "a").muted());
    }

    @Test
    void withoutANumberTheCallerIsAsked() {
        FakeCall c = new FakeCall("alice", "");
        c.leg.press("7").press("8042");
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        assertEquals(List.of("enter-room-number", "invalid-choice", "enter-room-number", "joined-meeting",
                "first-participant"), c.leg.heard());
        assertTrue(rooms.room("8042").isPresent());
    }

    @Test
    void askingGivesUpAfterThreeAttempts() {
        FakeCall c = new FakeCall("alice", "");
        new MeetingSession(c, directory, rooms, prompts, Runnable::run).start();
        assertEquals(List.of("enter-room-number", "enter-room-number", "enter-room-number", "goodbye"), c.leg.heard());
        assertTrue(c.hungUp);
    }

    @Test
    void aNumberOutsideTheRangeIsNoRoom() {
        FakeCall c = dial("alice", "9000");
        assertEquals(List.of("invalid-choice", "goodbye"), c.leg.heard());
        assertTrue(engine.conferences.isEmpty());
    }

    @Test
    void kickHangsUpAndMuteTogglesInTheConference() {
        FakeCall alice = dial("alice", "8000");
        FakeCall bob = dial("bob", "8000");
        FakeConference conf = engine.conferences.get(0);
        assertTrue(rooms.mute("8000", "2", true), "by position");
        assertEquals(true, conf.members.get(bob.leg));
        assertTrue(rooms.mute("8000", "bob", false), "by id");
        assertEquals(false, conf.members.get(bob.leg));
        assertFalse(rooms.mute("8000", "zed", true));
        assertFalse(rooms.mute("8999", "1", true));

        assertTrue(rooms.kick("8000", "alice"));
        assertTrue(alice.hungUp);
        assertEquals(List.of("bob"), rooms.room("8000").orElseThrow().participants().stream().map(Participant::id)
                .toList());
        assertFalse(rooms.kick("8000", "alice"));
        assertTrue(rooms.kick("8000", "1"));
        assertTrue(conf.closed);
    }

    @Test
    void roomRangesAndConfiguredRooms() {
        assertThrows(IllegalArgumentException.class, () -> new RoomDirectory(n -> Optional.empty(), "8000-899", 5));
        RoomDirectory onlyConfigured = new RoomDirectory(n -> Optional.ofNullable(Map.of("8100", SECRET).get(n)),
                "", 5);
        assertEquals(Optional.of(SECRET), onlyConfigured.find("8100"));
        assertEquals(Optional.empty(), onlyConfigured.find("8000"));
        assertEquals(Optional.of(new RoomSettings("8999", "", false, 50)), directory.find("8999"));
        assertEquals(Optional.empty(), directory.find("800"));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRoom.parse("f", "8100", "12#", false, 5));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredRoom.parse("f", "", "", false, 5));
        assertEquals(SECRET, ConfiguredRoom.parse("f", " 8100 ", "4321", false, 50));
    }
}
