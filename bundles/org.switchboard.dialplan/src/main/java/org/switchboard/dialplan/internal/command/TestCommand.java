package org.switchboard.dialplan.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.dialplan.DialPlan;

/** {@code dialplan:test}: where a call would go, without placing it. */
@Service
@Command(scope = "dialplan", name = "test", description = "Shows where a call from <from> to <number> would go")
public class TestCommand implements Action {
    @Reference
    DialPlan plan;

    @Argument(index = 0, name = "from", description = "The caller: a user name or a number", required = true)
    @Completion(UserCompleter.class)
    String from;

    @Argument(index = 1, name = "number", description = "What is dialled; spaces are allowed (07700 900123)",
            required = true, multiValued = true)
    @Completion(NumberCompleter.class)
    List<String> number;

    @Override
    public Object execute() {
        System.out.println(DialPlanFormat.decision(plan.route(from, String.join(" ", number))));
        return null;
    }
}
