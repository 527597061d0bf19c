package org.switchboard.dialplan.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.directory.UserDirectory;

/** Completes what can be dialled by name: user names, and rules for one exact number ({@code *43}). */
@Service
public class NumberCompleter implements Completer {
    @Reference
    UserDirectory directory;

    @Reference
    DialPlan plan;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        plan.rules().stream().map(r -> r.pattern())
                .filter(p -> !p.startsWith("^") && !p.endsWith("...") && !p.matches("\\d+-\\d+"))
                .forEach(delegate.getStrings()::add);
        directory.list().stream().map(UserAccount::username).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
