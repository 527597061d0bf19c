package org.switchboard.jainsip.internal;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request that could be answered but not parsed as sent: its headers under a plain request
 * line rebuilt from the CSeq method, so that a 400 with the right Via, From, To, Call-ID and
 * CSeq can be sent back. Only requests with those headers intact qualify.
 */
final class MalformedStandIn {
    private static final Pattern CSEQ = Pattern.compile("(?im)^CSeq\\s*:\\s*\\d+\\s+([A-Za-z]+)\\s*$");

    private MalformedStandIn() {
    }

    static SIPMessage of(byte[] msg, boolean readBody, StringMsgParser parser) {
        String text = new String(msg, StandardCharsets.ISO_8859_1);
        int lf = text.indexOf('\n'); // the NIO stream parser hands over LF-only lines
        int eol = lf > 0 && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
        if (eol < 0 || text.startsWith("SIP/")) {
            return null; // responses are never answered
        }
        Matcher m = CSEQ.matcher(text);
        if (!m.find() || "ACK".equalsIgnoreCase(m.group(1))) {
            return null; // no ACK is ever answered
        }
        String rebuilt = m.group(1) + " sip:malformed.invalid SIP/2.0" + text.substring(eol);
        try {
            SIPMessage standIn = parser.parseSIPMessage(rebuilt.getBytes(StandardCharsets.ISO_8859_1), readBody, false, null);
            if (standIn instanceof SIPRequest req && req.getTopmostVia() != null && req.getCSeq() != null
                    && req.getCallId() != null && req.getFrom() != null && req.getTo() != null) {
                return standIn;
            }
        } catch (ParseException | RuntimeException e) {
            // beyond repair: dropped, as before
        }
        return null;
    }
}
