package org.switchboard.jainsip.internal;

import java.text.ParseException;

/**
 * RFC 3261 section 7.3: headers that may appear once must not appear twice (RFC 4475
 * 3.3.8 and 3.3.9); the RI silently keeps one of them. Scans the raw header block without
 * building strings, since it runs for every message.
 */
final class SingleValueHeaders {
    private static final String[] NAMES = {"call-id", "to", "from", "cseq", "max-forwards", "content-length", "content-type"};
    private static final String[] COMPACT = {"i", "t", "f", null, null, "l", "c"};

    private SingleValueHeaders() {
    }

    static void check(byte[] msg) throws ParseException {
        int[] seen = new int[NAMES.length];
        int i = lineEnd(msg, 0); // skip the start line
        while (i < msg.length) {
            int start = i;
            int end = lineEnd(msg, start);
            if (end == start + 1 || end == start + 2 && msg[start] == '\r') {
                return; // empty line: end of the headers
            }
            byte first = msg[start];
            if (first != ' ' && first != '\t') {
                int colon = start;
                while (colon < end && msg[colon] != ':') {
                    colon++;
                }
                int nameEnd = colon;
                while (nameEnd > start && (msg[nameEnd - 1] == ' ' || msg[nameEnd - 1] == '\t')) {
                    nameEnd--;
                }
                int which = match(msg, start, nameEnd);
                if (which >= 0 && ++seen[which] > 1) {
                    throw new ParseException("Duplicate " + NAMES[which] + " header", start);
                }
            }
            i = end;
        }
    }

    /** @return the index just past the LF ending the line that starts at {@code from} */
    private static int lineEnd(byte[] msg, int from) {
        int i = from;
        while (i < msg.length && msg[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, msg.length);
    }

    private static int match(byte[] msg, int from, int to) {
        for (int n = 0; n < NAMES.length; n++) {
            if (equalsIgnoreCase(msg, from, to, NAMES[n]) || COMPACT[n] != null && equalsIgnoreCase(msg, from, to, COMPACT[n])) {
                return n;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(byte[] msg, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            int c = msg[from + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
