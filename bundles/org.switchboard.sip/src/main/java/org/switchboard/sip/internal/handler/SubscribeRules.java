package org.switchboard.sip.internal.handler;

import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import org.switchboard.api.sip.subscription.EventPackage;

/**
 * What a SUBSCRIBE may ask for: a duration within bounds (423 with Min-Expires below the
 * minimum, the maximum above it, the package's default without Expires; 0 fetches or
 * unsubscribes), and a body type it accepts (406 otherwise, RFC 6665 4.2.1.1).
 *
 * @param minExpires the shortest subscription, in seconds
 * @param maxExpires the longest subscription, in seconds
 * @param capacity the most subscriptions kept at once
 */
public record SubscribeRules(int minExpires, int maxExpires, int capacity) {

    /**
     * The outcome of the checks.
     *
     * @param status 0 to go on, else the status to answer
     * @param reason its reason phrase
     * @param expires the granted duration in seconds, when going on
     * @param header a header for the refusal (Min-Expires), or null
     */
    record Verdict(int status, String reason, int expires, Map.Entry<String, String> header) {
    }

    Verdict check(Request req, EventPackage pkg) {
        if (!accepts(req, pkg.contentType())) {
            return new Verdict(406, "Not Acceptable", 0, Map.entry("Accept", pkg.contentType()));
        }
        ExpiresHeader e = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
        int asked = e == null ? pkg.defaultExpires() : e.getExpires();
        if (asked == 0) {
            return new Verdict(0, null, 0, null);
        }
        if (asked < minExpires) {
            return new Verdict(423, "Interval Too Brief", 0, Map.entry("Min-Expires", Integer.toString(minExpires)));
        }
        return new Verdict(0, null, Math.min(asked, maxExpires), null);
    }

    /** @return whether the Accept headers (if any) admit the type, wildcards included */
    static boolean accepts(Request req, String contentType) {
        ListIterator<?> it = req.getHeaders(AcceptHeader.NAME);
        if (it == null || !it.hasNext()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semi = type.indexOf(';');
        type = (semi < 0 ? type : type.substring(0, semi)).trim();
        String major = type.substring(0, Math.max(0, type.indexOf('/')));
        while (it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            String t = a.getContentType() == null ? "*" : a.getContentType().toLowerCase(Locale.ROOT);
            String s = a.getContentSubType() == null ? "*" : a.getContentSubType().toLowerCase(Locale.ROOT);
            if (("*".equals(t) || t.equals(major)) && ("*".equals(s) || (t + "/" + s).equals(type))) {
                return true;
            }
        }
        return false;
    }
}
