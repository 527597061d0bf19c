package org.switchboard.meetings.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.meetings.internal.MeetingControl;
import org.switchboard.meetings.internal.RoomView;

class MeetingFormatTest {
    private static final MeetingControl NONE = new MeetingControl() {
        @Override
        public List<RoomView> rooms() {
            return List.of();
        }

        @Override
        public Optional<RoomView> room(String number) {
            return number.equals("8000") ? Optional.of(new RoomView("8000", Instant.EPOCH, List.of())) : Optional.empty();
        }

        @Override
        public boolean kick(String room, String participant) {
            return false;
        }

        @Override
        public boolean mute(String room, String participant, boolean muted) {
            return false;
        }
    };

    @Test
    void badInputGetsOneLine() {
        assertEquals("No meeting room is open.", MeetingFormat.rooms(List.of()));
        assertEquals("Room 8123 is not open (meet:list shows the open rooms).", MeetingFormat.notFound(NONE, "8123", "1"));
        assertEquals("Room 8000 has no participant 7 (meet:list 8000 shows them).", MeetingFormat.notFound(NONE, "8000", "7"));
    }

    @Test
    void aRoomListsItsParticipantsWithAHeader() {
        String text = MeetingFormat.room(new RoomView("8000", Instant.EPOCH, List.of()));
        assertTrue(text.startsWith("Room 8000: 0 participant(s), open since "), text);
        assertTrue(text.contains("#") && text.contains("caller") && text.contains("muted"), text);
    }
}
