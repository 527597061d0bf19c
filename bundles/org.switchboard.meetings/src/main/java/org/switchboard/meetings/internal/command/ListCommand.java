package org.switchboard.meetings.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.meetings.internal.MeetingControl;

/** {@code meet:list [room]}: the open rooms and their participants. */
@Service
@Command(scope = "meet", name = "list", description = "Lists the open meeting rooms and their participants")
public class ListCommand implements Action {
    @Reference
    MeetingControl meetings;

    @Argument(index = 0, name = "room", description = "Only this room")
    @Completion(RoomCompleter.class)
    String room;

    @Override
    public Object execute() {
        if (room == null) {
            System.out.println(MeetingFormat.rooms(meetings.rooms()));
        } else {
            System.out.println(meetings.room(room).map(r -> MeetingFormat.room(r).stripTrailing())
                    .orElse("Room " + room + " is not open (meet:list shows the open rooms)."));
        }
        return null;
    }

}
