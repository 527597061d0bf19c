package org.switchboard.dialplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.api.dialplan.Decision;
import org.switchboard.api.dialplan.Rule;
import org.switchboard.api.directory.UserAccount;

/**
 * Checks the dial plan's configuration and builds a {@link Plan}. Every problem is reported
 * at once, with its key and the fix; a plan is built only when there is none, so a typo never
 * leaves a plan with rules missing.
 */
final class PlanParser {
    static final String SOURCE = "etc/org.switchboard.dialplan.cfg";
    private static final Pattern DIGITS = Pattern.compile("\\d{0,4}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9$][A-Za-z0-9._$-]*");

    private final List<String> problems = new ArrayList<>();

    private PlanParser() {
    }

    /**
     * @param s the configuration
     * @return the plan
     * @throws ConfigException naming every problem
     */
    static Plan parse(PlanSettings s) {
        return new PlanParser().build(s);
    }

    private Plan build(PlanSettings s) {
        String cc = s.countryCode().strip();
        cc = cc.startsWith("+") ? cc.substring(1) : cc;
        if (!cc.matches("[1-9]\\d{0,2}|")) {
            problems.add("country.code = '" + s.countryCode() + "' is not a country calling code. Fix: 1-3 digits "
                    + "such as 44 or 1, or empty to leave national numbers as dialled");
        }
        String national = digits("national.prefix", s.nationalPrefix(), "0");
        String international = digits("international.prefix", s.internationalPrefix(), "00 (011 in North America)");
        if (!national.isEmpty() && national.equals(international)) {
            problems.add("national.prefix and international.prefix are both '" + national + "'. Fix: make them "
                    + "differ, e.g. 0 and 00");
        }
        int extension = extensionDigits(s.extensionMaxDigits());
        Normaliser normaliser = new Normaliser(cc, national, international, extension);
        List<CompiledRule> rules = new ArrayList<>();
        List<String> entries = entries(s.rules());
        for (int i = 0; i < entries.size(); i++) {
            rule(i + 1, entries.get(i), normaliser).ifPresent(rules::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(SOURCE, problems);
        }
        return new Plan(normaliser, rules);
    }

    private String digits(String key, String value, String example) {
        String v = value.strip();
        if (!DIGITS.matcher(v).matches()) {
            problems.add(key + " = '" + value + "' is not a dialling prefix. Fix: up to 4 digits, e.g. " + example
                    + ", or empty for none");
        }
        return v;
    }

    private int extensionDigits(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= 15) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("extension.max.digits = '" + value + "' is not a length. Fix: 0-15; numbers with at most this "
                + "many digits are extensions and are not normalised");
        return 0;
    }

    /** Splits list elements on commas, except commas inside (), [] or {} of a regular expression. */
    static List<String> entries(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(c).append(value.charAt(++i)); // an escaped bracket or comma counts as text
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(current.toString().strip());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            out.add(current.toString().strip());
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private Optional<CompiledRule> rule(int position, String entry, Normaliser normaliser) {
        String where = "rules, entry " + position + " '" + entry + "': ";
        int eq = entry.lastIndexOf('=');
        if (eq < 0) {
            problems.add(where + "no '='. Fix: write 'pattern = target', e.g. '*43 = application:echo'");
            return Optional.empty();
        }
        String patternText = entry.substring(0, eq).strip();
        String targetText = entry.substring(eq + 1).strip();
        try {
            RulePattern pattern = RulePattern.parse(patternText);
            checkReachable(pattern, normaliser);
            int colon = targetText.indexOf(':');
            Decision.Type type = colon < 0 ? null : Decision.Type.ofKeyword(targetText.substring(0, colon).strip()).orElse(null);
            if (type == null) {
                throw new IllegalArgumentException("the target '" + targetText + "' has no known kind. Fix: start it "
                        + "with user:, application:, feature:, trunk: or reject:<SIP status>");
            }
            String target = targetText.substring(colon + 1).strip();
            checkTarget(type, target, pattern);
            return Optional.of(new CompiledRule(new Rule(position, patternText, type, target), pattern));
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return Optional.empty();
        }
    }

    /** A number the normaliser rewrites can never reach the rule as written. */
    private static void checkReachable(RulePattern pattern, Normaliser normaliser) {
        String sample = pattern instanceof RulePattern.Exact e ? e.value()
                : pattern instanceof RulePattern.Range r ? r.low() : null;
        if (sample != null && !normaliser.normalise(sample).equals(sample)) {
            throw new IllegalArgumentException("numbers like '" + sample + "' are normalised to '"
                    + normaliser.normalise(sample) + "' before rules are matched, so this rule never matches. Fix: "
                    + "write the normalised form, or raise extension.max.digits if these are extensions");
        }
    }

    private static void checkTarget(Decision.Type type, String target, RulePattern pattern) {
        Matcher refs = CompiledRule.GROUP_REF.matcher(target);
        while (refs.find()) {
            if (Integer.parseInt(refs.group(1)) > pattern.groups()) {
                throw new IllegalArgumentException("the target refers to $" + refs.group(1) + " but the pattern has "
                        + pattern.groups() + " group(s). Fix: use a regular expression (^...) with that group");
            }
        }
        boolean ok = switch (type) {
            case REJECT -> target.matches("[4-6]\\d\\d");
            case USER -> target.contains("$") ? NAME.matcher(target).matches() : UserAccount.isValidUsername(target);
            default -> NAME.matcher(target).matches();
        };
        if (!ok) {
            throw new IllegalArgumentException(type == Decision.Type.REJECT
                    ? "'" + target + "' is not a SIP status. Fix: reject:404, reject:403, reject:503 or another 400-699"
                    : "'" + target + "' is not a " + type.keyword() + " name. Fix: letters, digits, '.', '_' or '-', "
                            + "e.g. " + type.keyword() + ":" + example(type));
        }
    }

    private static String example(Decision.Type type) {
        return switch (type) {
            case USER -> "alice";
            case APPLICATION -> "voicemail";
            case FEATURE_CODE -> "dnd-on";
            default -> "default";
        };
    }
}
