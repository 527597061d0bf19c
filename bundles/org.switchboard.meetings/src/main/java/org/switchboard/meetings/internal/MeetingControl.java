package org.switchboard.meetings.internal;

import java.util.List;
import java.util.Optional;

/** What the {@code meet:} commands may do; registered by {@link MeetingsApplication}. */
public interface MeetingControl {

    /** @return the open rooms, by number */
    List<RoomView> rooms();

    /** @return the open room with this number */
    Optional<RoomView> room(String number);

    /** @return false if there is no such room or participant */
    boolean kick(String room, String participant);

    /** @return false if there is no such room or participant */
    boolean mute(String room, String participant, boolean muted);
}
