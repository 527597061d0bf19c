package org.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed SIP message: start line, headers (lower-case long names), body. Just enough for the bench. */
final class SipMessage {
    final String method;      // null for responses
    final String requestUri;  // null for responses
    final int status;         // 0 for requests
    private final List<String> names = new ArrayList<>(16);
    private final List<String> values = new ArrayList<>(16);
    final String body;

    private SipMessage(String method, String requestUri, int status, String body) {
        this.method = method;
        this.requestUri = requestUri;
        this.status = status;
        this.body = body;
    }

    boolean isRequest() {
        return method != null;
    }

    /** Parses a datagram; returns null when it is not a SIP message (e.g. a keep-alive CRLF). */
    static SipMessage parse(byte[] buf, int len) {
        String s = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        String head = end < 0 ? s : s.substring(0, end);
        String body = end < 0 ? "" : s.substring(end + 4);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return null;
        }
        String[] start = lines[0].split(" ", 3);
        if (start.length < 3) {
            return null;
        }
        SipMessage m;
        if (start[0].startsWith("SIP/")) {
            m = new SipMessage(null, null, Integer.parseInt(start[1]), body);
        } else if (start[2].startsWith("SIP/")) {
            m = new SipMessage(start[0], start[1], 0, body);
        } else {
            return null;
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !m.values.isEmpty()) {
                int last = m.values.size() - 1; // header folding
                m.values.set(last, m.values.get(last) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            m.names.add(longName(line.substring(0, colon).trim().toLowerCase(Locale.ROOT)));
            m.values.add(line.substring(colon + 1).trim());
        }
        return m;
    }

    private static String longName(String n) {
        if (n.length() != 1) {
            return n;
        }
        switch (n) {
            case "v": return "via";
            case "f": return "from";
            case "t": return "to";
            case "i": return "call-id";
            case "m": return "contact";
            case "l": return "content-length";
            case "c": return "content-type";
            case "k": return "supported";
            default: return n;
        }
    }

    /** First value of a header, or null. */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** All header lines with that name, unsplit (for WWW-Authenticate, which contains commas). */
    List<String> lines(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                out.add(values.get(i));
            }
        }
        return out;
    }

    /** All values of a list header (Via, Route, Record-Route, Contact), comma-separated lines split. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>(4);
        for (String v : lines(name)) {
            splitList(v, out);
        }
        return out;
    }

    static void splitList(String v, List<String> out) {
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                depth++;
            } else if (!quoted && c == '>') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(v.substring(from, i).trim());
                from = i + 1;
            }
        }
        out.add(v.substring(from).trim());
    }

    String callId() {
        return get("call-id");
    }

    int cseqNumber() {
        String c = get("cseq");
        return c == null ? -1 : Integer.parseInt(c.substring(0, c.indexOf(' ')).trim());
    }

    String cseqMethod() {
        String c = get("cseq");
        return c == null ? "" : c.substring(c.indexOf(' ') + 1).trim();
    }
}
