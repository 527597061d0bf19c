package org.switchboard.sip.internal.overload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the receive thread needs to know about a datagram before it is parsed: whether it is a
 * response or a request (and which), its Call-ID, whether it is in a dialog, and where the
 * header lines a stateless 503 copies start and end. One pass over the bytes, no full parse:
 * it runs on the receive thread for every datagram, so it must cost far less than the parse.
 */
public final class DatagramHead {
    /** The lines a response copies from its request (RFC 3261 8.2.6.2), as [start, end) offsets. */
    final List<int[]> copied = new ArrayList<>(4);
    private final byte[] data;
    private final int length;
    private String method;
    private boolean response;
    private int callIdStart = -1;
    private int callIdEnd = -1;
    private boolean toTag;
    private boolean credentials;
    private boolean complete;

    private DatagramHead(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** @return the head of the first {@code length} bytes of {@code data} */
    public static DatagramHead of(byte[] data, int length) {
        DatagramHead h = new DatagramHead(data, length);
        h.scan();
        return h;
    }

    private void scan() {
        int eol = lineEnd(0);
        if (eol < 0) {
            return;
        }
        response = startsWith(0, "SIP/");
        if (!response) {
            int sp = indexOf((byte) ' ', 0, eol);
            if (sp <= 0) {
                return;
            }
            method = new String(data, 0, sp, StandardCharsets.US_ASCII);
        }
        int pos = next(eol);
        while (pos < length) {
            int end = lineEnd(pos);
            if (end < 0 || end == pos) {
                complete = end == pos;
                return;
            }
            while (next(end) < length && (data[next(end)] == ' ' || data[next(end)] == '\t')) {
                end = lineEnd(next(end)); // a folded line continues the header
                if (end < 0) {
                    return;
                }
            }
            header(pos, end);
            pos = next(end);
        }
    }

    private void header(int start, int end) {
        int colon = indexOf((byte) ':', start, end);
        if (colon < 0) {
            return;
        }
        int nameEnd = colon;
        while (nameEnd > start && (data[nameEnd - 1] == ' ' || data[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        int length = nameEnd - start;
        if (is(start, length, "via") || is(start, length, "v") || is(start, length, "from") || is(start, length, "f")
                || is(start, length, "cseq")) {
            copied.add(new int[] {start, end});
        } else if (is(start, length, "to") || is(start, length, "t")) {
            copied.add(new int[] {start, end});
            toTag = containsTag(colon + 1, end);
        } else if (is(start, length, "call-id") || is(start, length, "i")) {
            copied.add(new int[] {start, end});
            callIdStart = skipSpace(colon + 1, end);
            callIdEnd = end;
            while (callIdEnd > callIdStart && data[callIdEnd - 1] <= ' ') {
                callIdEnd--;
            }
        } else if (is(start, length, "authorization") || is(start, length, "proxy-authorization")) {
            credentials = true;
        }
    }

    /** @return whether the header name at {@code start} is {@code lower}, case-insensitively (no allocation) */
    private boolean is(int start, int length, String lower) {
        if (length != lower.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = data[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsTag(int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if (data[i] == ';') {
                int j = skipSpace(i + 1, to);
                if (j + 3 < to && (data[j] | 0x20) == 't' && (data[j + 1] | 0x20) == 'a' && (data[j + 2] | 0x20) == 'g') {
                    int k = skipSpace(j + 3, to);
                    if (k < to && data[k] == '=') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private int skipSpace(int i, int to) {
        while (i < to && (data[i] == ' ' || data[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** @return the offset of the CR or LF ending the line at {@code from}, or -1 if it does not end */
    private int lineEnd(int from) {
        for (int i = from; i < length; i++) {
            if (data[i] == '\r' || data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int next(int eol) {
        return eol + 1 < length && data[eol] == '\r' && data[eol + 1] == '\n' ? eol + 2 : eol + 1;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int at, String prefix) {
        if (length - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return true for a response (a status line) */
    public boolean response() {
        return response;
    }

    /** @return the request method, or null for a response or an unreadable start line */
    public String method() {
        return method;
    }

    /**
     * @return true when the message must not be refused to shed load: a response, or a request
     *     that ends or continues what was already accepted (ACK, CANCEL, BYE, PRACK, anything with
     *     a To tag), so that calls already set up end cleanly (RFC 6357 section 3)
     */
    public boolean priority() {
        return response || toTag || "ACK".equals(method) || "CANCEL".equals(method) || "BYE".equals(method)
                || "PRACK".equals(method);
    }

    /**
     * @return true when the request carries credentials: it answers a challenge, so work was
     *     already spent on it, and refusing it would waste that work (goodput falls under load)
     */
    public boolean credentials() {
        return credentials;
    }

    /** @return a hash of the Call-ID, the same for every message of one dialog; 0 when there is none */
    public int callIdHash() {
        int h = 0;
        for (int i = callIdStart; i >= 0 && i < callIdEnd; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    /** @return whether the header section was read to its end and had every line a response copies */
    public boolean answerable() {
        return complete && method != null && callIdStart >= 0 && copied.size() >= 4;
    }

    byte[] data() {
        return data;
    }
}
