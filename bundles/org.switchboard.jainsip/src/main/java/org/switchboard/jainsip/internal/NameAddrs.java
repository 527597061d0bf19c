package org.switchboard.jainsip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;

/**
 * The name-addr rules of RFC 3261 section 20 and 25.1 that the RI's parser lets through, and
 * RFC 4475 lists as invalid:
 * <ul>
 *   <li>a URI holding a comma, question mark or semicolon must be enclosed in {@code <>}
 *       (3.1.2.13, {@code regbadct});</li>
 *   <li>no whitespace inside {@code <...>} (3.1.2.14, {@code badaspec});</li>
 *   <li>a display name that is not a sequence of tokens must be quoted (3.1.2.15,
 *       {@code baddn}).</li>
 * </ul>
 */
final class NameAddrs {
    private static final Set<String> HEADERS = Set.of("to", "t", "from", "f", "contact", "m", "route", "record-route", "reply-to");
    private static final Set<String> LISTS = Set.of("contact", "m", "route", "record-route");
    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    private NameAddrs() {
    }

    static void check(byte[] msg) throws ParseException {
        String text = new String(msg, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r?\n[ \t]+", " ");
        String[] lines = head.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (HEADERS.contains(name)) {
                String value = lines[i].substring(colon + 1).trim();
                for (String one : LISTS.contains(name) ? split(value) : new String[] {value}) {
                    checkOne(lines[i].substring(0, colon).trim(), one.trim());
                }
            }
        }
    }

    private static void checkOne(String header, String value) throws ParseException {
        if (value.equals("*") || value.isEmpty()) {
            return;
        }
        int lt = outsideQuotes(value, '<');
        if (lt < 0) {
            int params = value.indexOf(';');
            String uri = params < 0 ? value : value.substring(0, params);
            if (uri.indexOf('?') >= 0 || uri.indexOf(',') >= 0) {
                throw new ParseException("URI with '?' or ',' not enclosed in <> in " + header + " header", 0);
            }
            return;
        }
        String display = value.substring(0, lt).trim();
        if (!display.isEmpty() && display.charAt(0) != '"') {
            for (int k = 0; k < display.length(); k++) {
                char c = display.charAt(k);
                if (!(Character.isLetterOrDigit(c) && c < 128) && TOKEN_MARKS.indexOf(c) < 0 && c != ' ' && c != '\t') {
                    throw new ParseException("Unquoted display name with '" + c + "' in " + header + " header", 0);
                }
            }
        }
        int gt = value.indexOf('>', lt);
        if (gt < 0) {
            throw new ParseException("Unclosed <> in " + header + " header", 0);
        }
        for (int k = lt + 1; k < gt; k++) {
            if (value.charAt(k) == ' ' || value.charAt(k) == '\t') {
                throw new ParseException("Whitespace inside <> in " + header + " header", 0);
            }
        }
    }

    /** @return the index of {@code c} outside quoted strings, or -1 */
    private static int outsideQuotes(String s, char c) {
        boolean quoted = false;
        for (int k = 0; k < s.length(); k++) {
            char x = s.charAt(k);
            if (quoted && x == '\\') {
                k++;
            } else if (x == '"') {
                quoted = !quoted;
            } else if (!quoted && x == c) {
                return k;
            }
        }
        return -1;
    }

    /** Splits a header list at the commas that are outside quotes and {@code <>}. */
    private static String[] split(String value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int k = 0; k < value.length(); k++) {
            char x = value.charAt(k);
            if (quoted && x == '\\') {
                k++;
            } else if (x == '"') {
                quoted = !quoted;
            } else if (!quoted && x == '<') {
                angle++;
            } else if (!quoted && x == '>') {
                angle = Math.max(0, angle - 1);
            } else if (!quoted && angle == 0 && x == ',') {
                out.add(value.substring(start, k));
                start = k + 1;
            }
        }
        out.add(value.substring(start));
        return out.toArray(new String[0]);
    }
}
