package org.switchboard.jainsip.internal;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;

/**
 * The RI's parser made stricter where RFC 3261 and RFC 4475 ask for a 400: a malformed
 * request line, a malformed header that matters for routing or dialogs, or a second value
 * of a single-value header. Its errors are one short line, because the stack copies them
 * into the reason phrase of the 400 it sends.
 */
public class StrictMessageParser implements MessageParser {
    /** Headers whose parse failure must fail the message instead of being dropped silently. */
    private static final Set<Class<?>> MUST_PARSE = Set.of(To.class, From.class, CallID.class, CSeq.class,
            MaxForwards.class, ContentLength.class, ContentType.class, gov.nist.javax.sip.header.Via.class,
            gov.nist.javax.sip.header.Contact.class, gov.nist.javax.sip.header.ContactList.class,
            gov.nist.javax.sip.header.ViaList.class, gov.nist.javax.sip.header.Route.class,
            gov.nist.javax.sip.header.RouteList.class, gov.nist.javax.sip.header.RecordRoute.class,
            gov.nist.javax.sip.header.RecordRouteList.class, gov.nist.javax.sip.header.Expires.class,
            gov.nist.javax.sip.header.SIPDateHeader.class);

    /** Application data of a request whose SIP version is not 2.0; the SIP bundle answers 505. */
    public static final String UNSUPPORTED_VERSION = "switchboard:unsupported-sip-version";

    /**
     * Prefix of the application data of a request that lacked a mandatory header (RFC 3261
     * section 8.1.1); placeholders were put in so the stack delivers it and a 400 can be sent.
     */
    public static final String MISSING_HEADER = "switchboard:missing-header:";

    private final StringMsgParser delegate = new StringMsgParser();

    @Override
    public SIPMessage parseSIPMessage(byte[] msg, boolean readBody, boolean strict, ParseExceptionListener handler)
            throws ParseException {
        String version = StartLine.check(msg);
        SIPMessage parsed;
        try {
            parsed = delegate.parseSIPMessage(msg, readBody, strict, (ex, sipMessage, headerClass, header, message) -> {
                if (headerClass != null && MUST_PARSE.contains(headerClass)) {
                    throw new ParseException("Malformed " + name(headerClass, header) + " header", 0);
                }
                if (handler != null) {
                    handler.handleException(ex, sipMessage, headerClass, header, message);
                }
            });
        } catch (ParseException e) {
            throw new ParseException(OneLine.of(e.getMessage()), e.getErrorOffset());
        } catch (RuntimeException e) {
            throw new ParseException("Malformed message", 0);
        }
        if (parsed instanceof gov.nist.javax.sip.message.SIPRequest req
                && (req.getTopmostVia() == null || req.getCSeq() == null)) {
            throw new ParseException("Missing " + (req.getTopmostVia() == null ? "Via" : "CSeq") + " header", 0);
        }
        if (parsed != null) {
            SingleValueHeaders.check(msg);
            if (version != null && !"SIP/2.0".equals(version)) {
                parsed.setApplicationData(UNSUPPORTED_VERSION); // the element answers 505
            }
            String missing = MissingHeaders.fill(parsed);
            if (missing != null) {
                parsed.setApplicationData(MISSING_HEADER + missing); // the element answers 400
            }
            if (handler instanceof gov.nist.javax.sip.stack.UDPMessageChannel) {
                forceRport(parsed);
            }
        }
        return parsed;
    }

    /**
     * Answers requests that came over UDP at the address and port they came from, as if the client had asked
     * with {@code rport} (RFC 3581): phones behind NAT need it, and Asterisk ({@code force_rport})
     * and Kamailio ({@code force_rport()}) do the same. The UDP channel fills in the values.
     */
    private static void forceRport(SIPMessage parsed) {
        if (parsed instanceof gov.nist.javax.sip.message.SIPRequest req) {
            gov.nist.javax.sip.header.Via via = req.getTopmostVia();
            if (via == null) {
                return;
            }
            try {
                if (!"UDP".equalsIgnoreCase(via.getTransport())) {
                    via.setTransport("UDP"); // it came over UDP: answer over UDP, whatever the Via claims
                }
                if (!via.hasParameter("rport")) {
                    via.setRPort();
                }
            } catch (java.text.ParseException e) {
                // keep the Via as sent
            }
        }
    }

    private static String name(Class<?> headerClass, String header) {
        if (header != null) {
            int colon = header.indexOf(':');
            if (colon > 0 && colon < 40) {
                return header.substring(0, colon).trim();
            }
        }
        return headerClass.getSimpleName();
    }

    static String text(byte[] msg) {
        return new String(msg, StandardCharsets.ISO_8859_1);
    }

}
