package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;

/**
 * Checks the parser leaves to the element (RFC 3261 sections 8.2 and 16.3, RFC 4475): CSeq
 * method, Request-URI scheme and escaped headers, and option tags this element must support.
 */
public final class RequestRules {
    /** A reason to refuse a request before routing it. */
    public record Violation(int status, String reason, List<String> unsupported) {
    }

    static final Set<String> SUPPORTED = Set.of("path", "outbound");

    private RequestRules() {
    }

    /**
     * @param req the request
     * @param terminatesHere whether this element is the UAS for it (REGISTER, requests to the
     *     platform itself), so that Require applies to it
     * @return the violation, or null if the request may proceed
     */
    public static Violation check(Request req, boolean terminatesHere) {
        CSeqHeader cseq = (CSeqHeader) req.getHeader(CSeqHeader.NAME);
        if (cseq == null || !cseq.getMethod().equals(req.getMethod())) {
            return new Violation(400, "CSeq Method Does Not Match Request Method", List.of());
        }
        URI ruri = req.getRequestURI();
        if (!ruri.isSipURI()) {
            String scheme = ruri.getScheme().toLowerCase(Locale.ROOT);
            return new Violation(416, "Unsupported URI Scheme: " + scheme, List.of());
        }
        if (((SipURI) ruri).getHeaderNames().hasNext()) {
            return new Violation(400, "Request-URI Must Not Carry Headers", List.of());
        }
        List<String> unsupported = unsupported(req.getHeaders(ProxyRequireHeader.NAME));
        if (terminatesHere) {
            unsupported.addAll(unsupported(req.getHeaders(RequireHeader.NAME)));
        }
        if (!unsupported.isEmpty()) {
            return new Violation(420, "Bad Extension", unsupported);
        }
        return null;
    }

    private static List<String> unsupported(ListIterator<?> headers) {
        List<String> out = new ArrayList<>();
        while (headers != null && headers.hasNext()) {
            Header h = (Header) headers.next();
            String value = h instanceof RequireHeader r ? r.getOptionTag()
                    : h instanceof ProxyRequireHeader p ? p.getOptionTag() : "";
            for (String tag : value.split(",")) {
                String t = tag.trim();
                if (!t.isEmpty() && !SUPPORTED.contains(t.toLowerCase(Locale.ROOT))) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
