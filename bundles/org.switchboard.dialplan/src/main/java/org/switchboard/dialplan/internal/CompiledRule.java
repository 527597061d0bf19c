package org.switchboard.dialplan.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.api.dialplan.Rule;

/** A rule with its pattern parsed, ready to match. */
record CompiledRule(Rule rule, RulePattern pattern) {
    static final Pattern GROUP_REF = Pattern.compile("\\$(\\d)");

    /**
     * @param number a normalised number
     * @return the rule's target with {@code $n} replaced by the groups of the match, empty if
     *         the number does not match
     */
    Optional<String> target(String number) {
        return pattern.match(number).map(groups -> {
            Matcher m = GROUP_REF.matcher(rule.target());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(groups[Integer.parseInt(m.group(1))]));
            }
            m.appendTail(out);
            return out.toString();
        });
    }
}
