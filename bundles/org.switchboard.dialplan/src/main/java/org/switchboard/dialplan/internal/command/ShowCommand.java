package org.switchboard.dialplan.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.dialplan.internal.ConfiguredDialPlan;

/** {@code dialplan:show}: the normalisation settings, the rules in order and the fallbacks. */
@Service
@Command(scope = "dialplan", name = "show", description = "Shows the dial plan: normalisation, rules, fallbacks")
public class ShowCommand implements Action {
    @Reference
    ConfiguredDialPlan plan;

    @Override
    public Object execute() {
        System.out.print(DialPlanFormat.plan(plan.normalisation(), plan.rules(), plan.fallbackSets()));
        return null;
    }
}
