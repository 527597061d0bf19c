package org.switchboard.meetings.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.meetings.internal.MeetingControl;
import org.switchboard.meetings.internal.RoomView;

/** Completes the numbers of the open rooms. */
@Service
public class RoomCompleter implements Completer {
    @Reference
    MeetingControl meetings;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        meetings.rooms().stream().map(RoomView::number).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
