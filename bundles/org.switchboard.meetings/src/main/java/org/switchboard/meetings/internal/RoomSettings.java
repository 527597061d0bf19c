package org.switchboard.meetings.internal;

/**
 * How a room behaves.
 *
 * @param number the room's number
 * @param pin the PIN callers must enter, empty for none
 * @param muteOnJoin whether participants join muted
 * @param maxParticipants most participants at once
 */
record RoomSettings(String number, String pin, boolean muteOnJoin, int maxParticipants) {
}
