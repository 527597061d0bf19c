package org.switchboard.sip.internal.handler;

import gov.nist.javax.sip.header.SIPHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Header values of a message by name, compact forms (RFC 3261 7.3.3, RFC 6665) included. */
final class Headers {
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "Call-ID"), Map.entry("m", "Contact"),
            Map.entry("e", "Content-Encoding"), Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"),
            Map.entry("f", "From"), Map.entry("s", "Subject"), Map.entry("k", "Supported"), Map.entry("t", "To"),
            Map.entry("v", "Via"), Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"),
            Map.entry("b", "Referred-By"), Map.entry("x", "Session-Expires"), Map.entry("y", "Identity"));

    private Headers() {
    }

    static String fullName(String name) {
        return COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** @return every value of the header, in order */
    static List<String> values(Message m, String name) {
        List<String> out = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(fullName(name));
        while (it != null && it.hasNext()) {
            Header h = (Header) it.next();
            out.add(h instanceof SIPHeader s ? s.getHeaderValue().trim() : valueOf(h.toString()));
        }
        return out;
    }

    private static String valueOf(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(colon + 1)).trim();
    }
}
