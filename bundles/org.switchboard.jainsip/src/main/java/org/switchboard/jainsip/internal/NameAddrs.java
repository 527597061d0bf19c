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

    /** Runs for every message: scans the header lines in place and builds a string only for the headers it checks. */
    static void check(byte[] msg) throws ParseException {
        int i = next(msg, lineEnd(msg, 0)); // skip the start line
        while (i < msg.length) {
            int end = lineEnd(msg, i);
            if (end == i) {
                return; // the empty line: end of the headers
            }
            int stop = end;
            while (next(msg, stop) < msg.length && (msg[next(msg, stop)] == ' ' || msg[next(msg, stop)] == '\t')) {
                stop = lineEnd(msg, next(msg, stop)); // a folded header goes on
            }
            int colon = indexOf(msg, (byte) ':', i, end);
            if (colon > i && relevant(msg, i, colon)) {
                String name = new String(msg, i, colon - i, StandardCharsets.ISO_8859_1).trim();
                String value = new String(msg, colon + 1, stop - colon - 1, StandardCharsets.ISO_8859_1)
                        .replace("\r\n", " ").replace('\n', ' ').trim();
                for (String one : LISTS.contains(name.toLowerCase(Locale.ROOT)) ? split(value) : new String[] {value}) {
                    checkOne(name, one.trim());
                }
            }
            i = next(msg, stop);
        }
    }

    private static boolean relevant(byte[] msg, int from, int colon) {
        int to = colon;
        while (to > from && (msg[to - 1] == ' ' || msg[to - 1] == '\t')) {
            to--;
        }
        int c = msg[from] | 0x20;
        if (c != 't' && c != 'f' && c != 'c' && c != 'm' && c != 'r') {
            return false; // most headers stop here
        }
        return HEADERS.contains(new String(msg, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
    }

    private static int lineEnd(byte[] msg, int from) {
        int i = from;
        while (i < msg.length && msg[i] != '\r' && msg[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int next(byte[] msg, int eol) {
        if (eol >= msg.length) {
            return msg.length;
        }
        return msg[eol] == '\r' && eol + 1 < msg.length && msg[eol + 1] == '\n' ? eol + 2 : eol + 1;
    }

    private static int indexOf(byte[] msg, byte b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (msg[k] == b) {
                return k;
            }
        }
        return -1;
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
