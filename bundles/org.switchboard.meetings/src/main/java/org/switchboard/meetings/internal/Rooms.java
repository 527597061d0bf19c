package org.switchboard.meetings.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.MediaEngine;

/**
 * The open rooms, ConfBridge style: a room opens (one {@link org.switchboard.api.media.Conference})
 * when its first participant joins and closes when the last one leaves. One lock guards every
 * room; it is held only to change the lists and call the engine, which does not block.
 */
final class Rooms {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    /** The outcome of {@link #join}. */
    record Joined(Participant participant, boolean first, boolean full) {
    }

    private final MediaEngine engine;
    private final Function<String, Optional<AudioRef>> prompts;
    private final Clock clock;
    private final Map<String, Room> open = new TreeMap<>();

    /**
     * @param prompts finds a prompt by name (the join and leave tones)
     */
    Rooms(MediaEngine engine, Function<String, Optional<AudioRef>> prompts, Clock clock) {
        this.engine = engine;
        this.prompts = prompts;
        this.clock = clock;
    }

    /** Adds a caller to a room, opening it if it is not open; the room hears the join tone. */
    synchronized Joined join(RoomSettings settings, ApplicationCall call) {
        Room room = open.get(settings.number());
        if (room != null && room.participants().size() >= room.settings().maxParticipants()) {
            return new Joined(null, false, true);
        }
        boolean first = room == null;
        if (first) {
            room = new Room(settings, engine.conference("meeting-" + settings.number()), clock.instant());
            open.put(settings.number(), room);
            LOG.info("Meeting room {} opened", settings.number());
        }
        Participant p = new Participant(call, clock.instant(), settings.muteOnJoin());
        try {
            room.conference().add(call.leg(), p.muted());
        } catch (RuntimeException e) {
            LOG.warn("Meeting room {}: {} cannot join: {}", settings.number(), call.id(), e.toString());
            if (first) {
                close(room);
            }
            throw e;
        }
        room.participants().add(p);
        tone(room, "join-tone");
        LOG.info("Meeting room {}: {} joined ({} participant(s))", settings.number(), p.who(),
                room.participants().size());
        return new Joined(p, first, false);
    }

    /** Removes a participant (its call ended or it was kicked); the last one closes the room. */
    synchronized void leave(String number, Participant p) {
        Room room = open.get(number);
        if (room == null || !room.participants().remove(p)) {
            return;
        }
        room.conference().remove(p.call().leg());
        LOG.info("Meeting room {}: {} left ({} participant(s))", number, p.who(), room.participants().size());
        if (room.participants().isEmpty()) {
            close(room);
        } else {
            tone(room, "leave-tone");
        }
    }

    /** @return whether the participant was found */
    synchronized boolean mute(String number, String who, boolean muted) {
        Participant p = find(number, who);
        if (p == null) {
            return false;
        }
        p.muted(muted);
        open.get(number).conference().mute(p.call().leg(), muted);
        return true;
    }

    /** Hangs up a participant; it leaves through its call's end. @return whether it was found */
    boolean kick(String number, String who) {
        Participant p;
        synchronized (this) {
            p = find(number, who);
        }
        if (p == null) {
            return false;
        }
        LOG.info("Meeting room {}: {} kicked", number, p.who());
        p.call().hangup();
        leave(number, p);
        return true;
    }

    synchronized Participant find(String number, String who) {
        Room room = open.get(number);
        return room == null ? null : room.find(who);
    }

    synchronized List<RoomView> list() {
        return open.values().stream().map(Room::view).toList();
    }

    synchronized Optional<RoomView> room(String number) {
        return Optional.ofNullable(open.get(number)).map(Room::view);
    }

    private void close(Room room) {
        open.remove(room.number());
        room.conference().close();
        LOG.info("Meeting room {} closed", room.number());
    }

    private void tone(Room room, String name) {
        prompts.apply(name).ifPresent(t -> room.conference().play(List.of(t)));
    }
}
