package org.switchboard.meetings.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.media.Conference;

/** An open room: its conference and its participants in join order. Guarded by {@link Rooms}. */
final class Room {
    private final RoomSettings settings;
    private final Conference conference;
    private final Instant opened;
    private final List<Participant> participants = new ArrayList<>();

    Room(RoomSettings settings, Conference conference, Instant opened) {
        this.settings = settings;
        this.conference = conference;
        this.opened = opened;
    }

    RoomSettings settings() {
        return settings;
    }

    String number() {
        return settings.number();
    }

    Conference conference() {
        return conference;
    }

    Instant opened() {
        return opened;
    }

    List<Participant> participants() {
        return participants;
    }

    /** @param who a participant's position in the list (1-based) or its call id */
    Participant find(String who) {
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (p.id().equals(who) || String.valueOf(i + 1).equals(who)) {
                return p;
            }
        }
        return null;
    }

    /** A copy for readers outside the lock. */
    RoomView view() {
        return new RoomView(settings.number(), opened, List.copyOf(participants));
    }
}
