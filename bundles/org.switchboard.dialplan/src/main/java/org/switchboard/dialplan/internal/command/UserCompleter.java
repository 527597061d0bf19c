package org.switchboard.dialplan.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;

/** Completes user names. */
@Service
public class UserCompleter implements Completer {
    @Reference
    UserDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        directory.list().stream().map(UserAccount::username).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
