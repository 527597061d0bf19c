package org.switchboard.dialplan.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The left-hand side of a rule: which normalised numbers it matches. */
sealed interface RulePattern {
    Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    String PREFIX_MARK = "...";

    /**
     * @param number a normalised number
     * @return the regular-expression groups when it matches ({@code [0]} is the whole number),
     *         empty when it does not
     */
    Optional<String[]> match(String number);

    /** @return how many {@code $n} groups a target may refer to */
    default int groups() {
        return 0;
    }

    /**
     * @param text a pattern as configured
     * @return the pattern
     * @throws IllegalArgumentException with the fix, if it is not one
     */
    static RulePattern parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty. Fix: write 'pattern = target'");
        }
        if (text.startsWith("^")) {
            if (text.length() > 1 && "+*?{".indexOf(text.charAt(1)) >= 0) {
                throw new IllegalArgumentException("'" + text + "' repeats the start anchor ^, so a backslash was "
                        + "probably lost (a .cfg file reads \\+ as +). Fix: write [+] for a literal plus and [0-9] for "
                        + "\\d, or double each backslash");
            }
            try {
                return new Regex(Pattern.compile(text));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + text + "' is not a regular expression (" + e.getDescription()
                        + " near index " + e.getIndex() + "). Fix the expression; in a .cfg file write a backslash "
                        + "twice, or use [0-9] for \\d and [+] for \\+");
            }
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            return Range.of(range.group(1), range.group(2));
        }
        if (text.endsWith(PREFIX_MARK)) {
            String prefix = text.substring(0, text.length() - PREFIX_MARK.length());
            if (prefix.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'" + text + "' needs a prefix before '...' and no spaces, e.g. +44...");
            }
            return new Prefix(prefix);
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + text + "' has a space in it. Fix: write numbers without separators "
                    + "(numbers are matched after normalisation), or use a regular expression starting with ^");
        }
        return new Exact(text);
    }

    /** One number or name, matched exactly (case-sensitive, as SIP user parts are). */
    record Exact(String value) implements RulePattern {
        @Override
        public Optional<String[]> match(String number) {
            return number.equals(value) ? Optional.of(new String[] {number}) : Optional.empty();
        }
    }

    /** Numbers of the same length as the bounds, between them inclusive, e.g. {@code 8000-8999}. */
    record Range(String low, String high) implements RulePattern {
        static Range of(String low, String high) {
            if (low.length() != high.length()) {
                throw new IllegalArgumentException("range '" + low + "-" + high + "' has bounds of different lengths. "
                        + "Fix: give both bounds the same number of digits (a range covers numbers of one length), "
                        + "or write two rules");
            }
            if (low.compareTo(high) > 0) {
                throw new IllegalArgumentException("range '" + low + "-" + high + "' starts above its end. Fix: "
                        + high + "-" + low);
            }
            return new Range(low, high);
        }

        @Override
        public Optional<String[]> match(String number) {
            boolean in = number.length() == low.length() && number.chars().allMatch(c -> c >= '0' && c <= '9')
                    && number.compareTo(low) >= 0 && number.compareTo(high) <= 0;
            return in ? Optional.of(new String[] {number}) : Optional.empty();
        }
    }

    /** Numbers that start with a prefix and go on, e.g. {@code +44...}. */
    record Prefix(String prefix) implements RulePattern {
        @Override
        public Optional<String[]> match(String number) {
            return number.length() > prefix.length() && number.startsWith(prefix)
                    ? Optional.of(new String[] {number}) : Optional.empty();
        }
    }

    /** A Java regular expression that must match the whole number. */
    record Regex(Pattern pattern) implements RulePattern {
        @Override
        public Optional<String[]> match(String number) {
            Matcher m = pattern.matcher(number);
            if (!m.matches()) {
                return Optional.empty();
            }
            String[] groups = new String[m.groupCount() + 1];
            for (int i = 0; i <= m.groupCount(); i++) {
                groups[i] = m.group(i) == null ? "" : m.group(i);
            }
            return Optional.of(groups);
        }

        @Override
        public int groups() {
            return pattern.matcher("").groupCount();
        }
    }
}
