package org.switchboard.meetings.internal;

import java.time.Instant;
import java.util.List;

/**
 * An open room as the commands see it: a copy taken under the lock.
 *
 * @param number the room's number
 * @param opened when its first participant joined
 * @param participants in join order; a participant's position (1-based) names it in commands
 */
public record RoomView(String number, Instant opened, List<Participant> participants) {
}
