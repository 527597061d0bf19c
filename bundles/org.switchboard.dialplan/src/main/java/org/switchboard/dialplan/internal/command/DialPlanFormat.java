package org.switchboard.dialplan.internal.command;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Rule;

/** How the {@code dialplan:} commands print decisions, rules and fallbacks. */
final class DialPlanFormat {
    private DialPlanFormat() {
    }

    /**
     * @param d a decision
     * @return one line, e.g. {@code 07700 900123 -> +447700900123 -> trunk default (rule 4: ...)}
     */
    static String decision(Decision d) {
        StringBuilder s = new StringBuilder(d.dialled().isEmpty() ? "''" : d.dialled());
        if (!d.number().isEmpty() && !d.number().equals(d.dialled())) {
            s.append(" -> ").append(d.number());
        }
        s.append(" -> ").append(d.type().keyword()).append(' ').append(d.target());
        Rule rule = d.rule();
        if (rule != null) {
            s.append(" (rule ").append(rule.position()).append(": ").append(rule);
            if (d.type() == Decision.Type.REJECT && rule.type() == Decision.Type.USER) {
                s.append("; no such user");
            }
            s.append(')');
        } else if (d.type() == Decision.Type.REJECT) {
            s.append(d.status() == 484 ? " (nothing dialled)" : " (no rule matches, no user '" + d.number() + "')");
        }
        for (Fallback f : d.fallbacks()) {
            s.append("; ").append(fallback(f));
        }
        return s.toString();
    }

    /** @return e.g. {@code no answer after 20 s -> application voicemail} or {@code busy -> number 1002} */
    static String fallback(Fallback f) {
        String when = switch (f.condition()) {
            case NO_ANSWER -> "no answer after " + f.afterSeconds() + " s";
            case BUSY -> "busy";
            case REJECT -> "reject";
        };
        return when + " -> " + f.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + f.target();
    }

    /**
     * @param normalisation the normaliser's settings, one per line
     * @param rules the rules in order
     * @param fallbacks the fallbacks of each user ({@code *} for the default)
     * @return what {@code dialplan:show} prints
     */
    static String plan(String normalisation, List<Rule> rules, Map<String, List<Fallback>> fallbacks) {
        StringBuilder s = new StringBuilder("Normalisation\n").append(normalisation).append('\n');
        s.append("Rules (first match wins; then a local user name; else reject 404)\n");
        int width = rules.stream().mapToInt(r -> r.pattern().length()).max().orElse(0);
        for (Rule r : rules) {
            s.append(String.format("  %2d  %-" + width + "s = %s:%s%n", r.position(), r.pattern(), r.type().keyword(),
                    r.target()));
        }
        if (rules.isEmpty()) {
            s.append("  (none)\n");
        }
        s.append("Fallbacks\n");
        int userWidth = fallbacks.keySet().stream().mapToInt(String::length).max().orElse(0);
        fallbacks.forEach((user, list) -> s.append(String.format("  %-" + userWidth + "s  %s%n",
                user, list.stream().map(DialPlanFormat::fallback).collect(Collectors.joining("; ")))));
        if (fallbacks.isEmpty()) {
            s.append("  (none: a call that is not answered ends there)\n");
        }
        return s.toString();
    }
}
