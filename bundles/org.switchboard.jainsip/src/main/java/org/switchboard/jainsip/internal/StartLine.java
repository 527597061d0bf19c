package org.switchboard.jainsip.internal;

import java.text.ParseException;
import java.util.regex.Pattern;

/**
 * RFC 3261 section 25.1: {@code Request-Line = Method SP Request-URI SP SIP-Version CRLF},
 * one SP each, no other whitespace (RFC 4475 3.1.2.8-3.1.2.10). Responses are left to the RI.
 */
final class StartLine {
    private static final Pattern REQUEST = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+ [^ \\t<>]+ SIP/\\d+\\.\\d+");

    private StartLine() {
    }

    /** @return the SIP version of a request line ({@code SIP/2.0}), or null for a response */
    static String check(byte[] msg) throws ParseException {
        int start = 0;
        while (start < msg.length && (msg[start] == '\r' || msg[start] == '\n')) {
            start++; // RFC 3261 7.5: CRLFs before the start line are ignored
        }
        int end = start;
        while (end < msg.length && msg[end] != '\r' && msg[end] != '\n') {
            end++;
        }
        String line = new String(msg, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (line.startsWith("SIP/")) {
            return null;
        }
        if (!REQUEST.matcher(line).matches()) {
            throw new ParseException("Malformed Request-Line", start);
        }
        return line.substring(line.lastIndexOf(' ') + 1);
    }
}
