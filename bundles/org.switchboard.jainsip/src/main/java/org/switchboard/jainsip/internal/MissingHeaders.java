package org.switchboard.jainsip.internal;

import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A request without Call-ID, From or To (RFC 4475 3.3.1) is dropped by the RI without an
 * answer. With Via and CSeq present it can still be answered, so placeholders stand in for
 * the missing headers and the request is flagged for a 400.
 */
final class MissingHeaders {
    private MissingHeaders() {
    }

    /** @return the names of the missing headers, or null if none is missing or none can be added */
    static String fill(SIPMessage message) {
        if (!(message instanceof SIPRequest req) || req.getTopmostVia() == null || req.getCSeq() == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        try {
            if (req.getCallId() == null) {
                CallID id = new CallID();
                id.setCallId("missing-call-id");
                req.setHeader(id);
                missing.add("Call-ID");
            }
            if (req.getFrom() == null) {
                From from = new From();
                from.setAddress(new gov.nist.javax.sip.address.AddressFactoryImpl().createAddress("<sip:missing@invalid>"));
                from.setTag("missing");
                req.setHeader(from);
                missing.add("From");
            }
            if (req.getTo() == null) {
                To to = new To();
                to.setAddress(new gov.nist.javax.sip.address.AddressFactoryImpl().createAddress("<sip:missing@invalid>"));
                req.setHeader(to);
                missing.add("To");
            }
        } catch (java.text.ParseException e) {
            return null;
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }
}
