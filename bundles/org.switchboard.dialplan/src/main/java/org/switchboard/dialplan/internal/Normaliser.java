package org.switchboard.dialplan.internal;

import java.util.regex.Pattern;

/**
 * Turns what a caller dialled into the form rules are matched against, the way PrivateDial
 * does on a phone: separators go, a national number ({@code 07700 900123}) gets the country
 * code ({@code +447700900123}), the international prefix ({@code 0049...}) becomes {@code +},
 * and any other number longer than an extension gets {@code +}. In a country without a
 * national prefix (Italy: {@code 06 1234 5678} is {@code +390612345678}) there is no way to
 * tell a national number from a bare international one, so every such number is national.
 *
 * <p>Left as dialled: user names (anything with a letter, so {@code john.doe-2} keeps its
 * dot and dash), service codes (anything with {@code *} or {@code #}), numbers that already
 * start with {@code +}, and extensions (up to {@code extensionMaxDigits} digits, so that
 * {@code 112} or {@code 8000} are never read as national numbers).
 *
 * @param countryCode the country calling code without {@code +}, e.g. {@code 44}; empty
 *        leaves national numbers as dialled
 * @param nationalPrefix the trunk prefix of national numbers, e.g. {@code 0}; may be empty
 * @param internationalPrefix the prefix that dials abroad, e.g. {@code 00}; may be empty
 * @param extensionMaxDigits numbers with at most this many digits are extensions
 */
record Normaliser(String countryCode, String nationalPrefix, String internationalPrefix, int extensionMaxDigits) {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9*#]+");

    String normalise(String dialled) {
        String s = dialled.strip();
        if (s.chars().anyMatch(Character::isLetter)) {
            return s; // a user name: its dots and dashes are part of it
        }
        if (!nationalPrefix.isEmpty() && (s.startsWith("+") || !internationalPrefix.isEmpty() && s.startsWith(internationalPrefix))) {
            s = s.replace("(" + nationalPrefix + ")", ""); // +44 (0)20 ...: the bracketed 0 is not dialled
        }
        String n = SEPARATORS.matcher(s).replaceAll("");
        if (!DIALABLE.matcher(n).matches() || n.startsWith("+") || n.indexOf('*') >= 0 || n.indexOf('#') >= 0
                || n.length() <= extensionMaxDigits) {
            return n;
        }
        if (!internationalPrefix.isEmpty() && n.startsWith(internationalPrefix)) {
            return "+" + n.substring(internationalPrefix.length());
        }
        if (!nationalPrefix.isEmpty() && n.startsWith(nationalPrefix)) {
            return countryCode.isEmpty() ? n : "+" + countryCode + n.substring(nationalPrefix.length());
        }
        if (nationalPrefix.isEmpty() && !countryCode.isEmpty()) {
            return "+" + countryCode + n; // no trunk prefix (Italy): every other number is national
        }
        return "+" + n;
    }

    /** @return the settings as {@code dialplan:show} prints them, one per line */
    String describe() {
        return String.format("  country code          %s%n  national prefix       %s%n  international prefix  %s%n"
                + "  extensions            up to %d digits, not normalised",
                countryCode.isEmpty() ? "(none: national numbers stay as dialled)" : "+" + countryCode,
                nationalPrefix.isEmpty() ? "(none)" : nationalPrefix,
                internationalPrefix.isEmpty() ? "(none)" : internationalPrefix, extensionMaxDigits);
    }
}
