package org.switchboard.meetings.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.meetings.internal.MeetingControl;

/** {@code meet:mute [--off] <room> <participant>}: the others stop (or start again) hearing a participant. */
@Service
@Command(scope = "meet", name = "mute", description = "Mutes a participant of a meeting room (--off unmutes)")
public class MuteCommand implements Action {
    @Reference
    MeetingControl meetings;

    @Argument(index = 0, name = "room", description = "The room's number", required = true)
    @Completion(RoomCompleter.class)
    String room;

    @Argument(index = 1, name = "participant", description = "Its # in meet:list, or its id", required = true)
    @Completion(ParticipantCompleter.class)
    String participant;

    @Option(name = "--off", description = "Unmute instead")
    boolean off;

    @Override
    public Object execute() {
        System.out.println(meetings.mute(room, participant, !off)
                ? (off ? "Unmuted " : "Muted ") + participant + " in room " + room + "."
                : MeetingFormat.notFound(meetings, room, participant));
        return null;
    }
}
