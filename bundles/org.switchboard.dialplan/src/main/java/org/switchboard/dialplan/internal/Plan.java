package org.switchboard.dialplan.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Fallback;
import org.switchboard.api.dialplan.Rule;

/**
 * One checked, immutable dial plan: the normaliser and the rules in order. The first rule
 * that matches the normalised number decides; when none does, a local user name goes to that
 * user, and anything else is rejected with 404.
 */
final class Plan {
    private final Normaliser normaliser;
    private final List<CompiledRule> rules;

    Plan(Normaliser normaliser, List<CompiledRule> rules) {
        this.normaliser = normaliser;
        this.rules = List.copyOf(rules);
    }

    Normaliser normaliser() {
        return normaliser;
    }

    List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /**
     * @param dialled what was dialled, or a SIP or tel URI
     * @param isUser whether a name is a local user
     * @param fallbacks the fallbacks of a user
     * @return the decision
     */
    Decision route(String dialled, Predicate<String> isUser, Function<String, List<Fallback>> fallbacks) {
        String raw = dialled == null ? "" : dialled.strip();
        String asked = userPart(raw);
        if (asked.isEmpty()) {
            return Decision.reject(484, raw, "", null); // Address Incomplete
        }
        String number = normaliser.normalise(asked);
        for (CompiledRule r : rules) {
            Optional<String> target = r.target(number);
            if (target.isPresent()) {
                return decide(r.rule(), target.get(), raw, number, isUser, fallbacks);
            }
        }
        for (String candidate : List.of(number, asked)) {
            if (isUser.test(candidate)) {
                return new Decision(Decision.Type.USER, candidate, raw, number, null, fallbacks.apply(candidate));
            }
        }
        return Decision.reject(404, raw, number, null);
    }

    private static Decision decide(Rule rule, String target, String raw, String number, Predicate<String> isUser,
            Function<String, List<Fallback>> fallbacks) {
        if (rule.type() != Decision.Type.USER) {
            return new Decision(rule.type(), target, raw, number, rule, List.of());
        }
        if (!isUser.test(target)) {
            return Decision.reject(404, raw, number, rule); // the rule names a user that does not exist (yet)
        }
        return new Decision(Decision.Type.USER, target, raw, number, rule, fallbacks.apply(target));
    }

    /**
     * Reduces {@code sip:user@host;params}, {@code tel:number;params} and percent escapes
     * ({@code %23} for {@code #}) to the dialled user part; a plain number passes unchanged.
     */
    static String userPart(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String u = s;
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:")) {
            u = u.substring(u.indexOf(':') + 1);
            int end = u.length();
            for (char c : new char[] {'@', ';', '?'}) {
                int i = u.indexOf(c);
                end = i >= 0 ? Math.min(end, i) : end;
            }
            u = u.substring(0, end);
        }
        if (u.indexOf('%') >= 0) {
            try {
                u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a stray %: keep it as dialled, no rule or user will match
            }
        }
        return u.strip();
    }
}
