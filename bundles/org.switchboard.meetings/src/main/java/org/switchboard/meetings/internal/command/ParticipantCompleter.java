package org.switchboard.meetings.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.meetings.internal.MeetingControl;
import org.switchboard.meetings.internal.Participant;

/** Completes the participants' ids of the room named earlier on the line ({@code meet:kick 8000 <TAB>}). */
@Service
public class ParticipantCompleter implements Completer {
    @Reference
    MeetingControl meetings;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        String[] args = commandLine.getArguments();
        for (int i = 1; i < commandLine.getCursorArgumentIndex() && i < args.length; i++) {
            meetings.room(args[i]).ifPresent(r -> r.participants().stream().map(Participant::id)
                    .forEach(delegate.getStrings()::add));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
