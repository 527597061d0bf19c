package org.switchboard.sip.internal.registrar;

import java.util.List;
import org.switchboard.api.location.Flow;

/**
 * What a REGISTER asks for, taken out of the SIP message.
 *
 * @param aor the address of record (canonical)
 * @param contacts its contacts, empty for a query
 * @param wildcard whether Contact was {@code *}
 * @param expires the Expires header, or null
 * @param callId the Call-ID
 * @param cseq the CSeq number
 * @param path the Path header values, outermost first
 * @param flow where the request came from
 * @param userAgent the User-Agent header, empty if none
 */
public record RegisterRequest(String aor, List<ContactRequest> contacts, boolean wildcard, Integer expires,
        String callId, long cseq, List<String> path, Flow flow, String userAgent) {
}
