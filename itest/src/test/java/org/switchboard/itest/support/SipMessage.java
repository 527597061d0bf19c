package org.switchboard.itest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A SIP message as the tests read it: start line, headers in order, body. Deliberately small and
 * lenient; it is not the platform's parser and must not share code with it.
 */
public record SipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {

    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "k", "supported", "s", "subject", "e",
            "content-encoding");

    /**
     * @param text a whole message
     * @return the parsed message
     */
    public static SipMessage parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.add(Map.entry(COMPACT.getOrDefault(name, name), lines[i].substring(colon + 1).trim()));
            }
        }
        return new SipMessage(lines[0], headers, body);
    }

    /** @return whether this is a response */
    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    /** @return the status code of a response, -1 for a request */
    public int status() {
        if (!isResponse()) {
            return -1;
        }
        String[] parts = startLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** @return the method of a request, or the CSeq method of a response */
    public String method() {
        if (!isResponse()) {
            return startLine.substring(0, startLine.indexOf(' '));
        }
        String cseq = header("cseq").orElse("0 UNKNOWN");
        return cseq.substring(cseq.indexOf(' ') + 1).trim();
    }

    /** @return the Request-URI of a request */
    public String requestUri() {
        return startLine.split(" ")[1];
    }

    /**
     * @param name a header name, long form, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /**
     * @param name a header name, long form, any case
     * @return all its values in order (one entry per header line)
     */
    public List<String> headers(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }

    /** @return the tag of the To header, or empty */
    public String toTag() {
        return param(header("to").orElse(""), "tag");
    }

    /**
     * @param headerValue a header value
     * @param name a parameter name
     * @return the value of a header parameter, "" if absent
     */
    public static String param(String headerValue, String name) {
        for (String part : headerValue.replaceFirst("^.*>", "").split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv[0].equalsIgnoreCase(name)) {
                return kv.length > 1 ? kv[1].replace("\"", "") : "";
            }
        }
        return "";
    }

    /**
     * @param nameAddr a name-addr or addr-spec, e.g. {@code "Bob" <sip:bob@host>;tag=1}
     * @return the URI in it
     */
    public static String uriOf(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        if (lt >= 0) {
            return nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt));
        }
        return nameAddr.split(";")[0].trim();
    }

    @Override
    public String toString() {
        return startLine;
    }
}
