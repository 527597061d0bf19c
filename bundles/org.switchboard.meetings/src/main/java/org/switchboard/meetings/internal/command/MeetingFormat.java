package org.switchboard.meetings.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.meetings.internal.MeetingControl;
import org.switchboard.meetings.internal.Participant;
import org.switchboard.meetings.internal.RoomView;

/** The text of {@code meet:list}. */
final class MeetingFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private MeetingFormat() {
    }

    static String rooms(List<RoomView> rooms) {
        if (rooms.isEmpty()) {
            return "No meeting room is open.";
        }
        StringBuilder b = new StringBuilder();
        rooms.forEach(r -> b.append(room(r)));
        return b.toString().stripTrailing();
    }

    static String room(RoomView r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Room %s: %d participant(s), open since %s%n", r.number(), r.participants().size(),
                TIME.format(r.opened())));
        b.append(String.format("  %-3s %-24s %-40s %-8s %s%n", "#", "id", "caller", "joined", "muted"));
        int i = 1;
        for (Participant p : r.participants()) {
            b.append(String.format("  %-3d %-24s %-40s %-8s %s%n", i++, p.id(), p.who(), TIME.format(p.joined()),
                    p.muted() ? "yes" : "no"));
        }
        return b.toString();
    }

    static String notFound(MeetingControl meetings, String room, String participant) {
        return meetings.room(room).isEmpty() ? "Room " + room + " is not open (meet:list shows the open rooms)."
                : "Room " + room + " has no participant " + participant + " (meet:list " + room + " shows them).";
    }
}
