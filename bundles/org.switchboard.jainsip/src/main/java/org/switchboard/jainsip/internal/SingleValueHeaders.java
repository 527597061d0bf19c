package org.switchboard.jainsip.internal;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 3261 section 7.3: headers that may appear once must not appear twice (RFC 4475
 * 3.3.8 and 3.3.9); the RI silently keeps one of them.
 */
final class SingleValueHeaders {
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (String[] n : new String[][] {{"call-id", "i"}, {"to", "t"}, {"from", "f"}, {"cseq", null},
                {"max-forwards", null}, {"content-length", "l"}, {"content-type", "c"}}) {
            CANONICAL.put(n[0], n[0]);
            if (n[1] != null) {
                CANONICAL.put(n[1], n[0]);
            }
        }
    }

    private SingleValueHeaders() {
    }

    static void check(byte[] msg) throws ParseException {
        String text = StrictMessageParser.text(msg);
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // folded continuation
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = CANONICAL.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            if (name != null && seen.merge(name, 1, Integer::sum) > 1) {
                throw new ParseException("Duplicate " + name + " header", 0);
            }
        }
    }
}
