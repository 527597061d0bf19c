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

    /** Verdict on a request whose SIP version is not 2.0; the SIP bundle answers 505. */
    public static final String UNSUPPORTED_VERSION = "switchboard:unsupported-sip-version";

    /**
     * Prefix of the verdict on a request that lacked a mandatory header (RFC 3261
     * section 8.1.1); placeholders were put in so the stack delivers it and a 400 can be sent.
     */
    public static final String MISSING_HEADER = "switchboard:missing-header:";

    /**
     * Prefix of the verdict on a stand-in for a malformed request that came over a
     * stream transport; the rest is the parse error. The element answers 400.
     */
    public static final String MALFORMED = "switchboard:malformed:";

    private final StringMsgParser delegate = new StringMsgParser();

    @Override
    public SIPMessage parseSIPMessage(byte[] msg, boolean readBody, boolean strict, ParseExceptionListener handler)
            throws ParseException {
        try {
            return parseStrictly(msg, readBody, strict, handler);
        } catch (ParseException e) {
            if (handler != null) {
                throw e; // datagrams: the RI answers 400 itself from the raw text
            }
            // stream transports (TCP, TLS, WebSocket): the RI would drop the message silently, so
            // the element gets a stand-in it can answer 400 to over the same connection
            SIPMessage standIn = MalformedStandIn.of(msg, readBody, delegate);
            if (standIn == null) {
                throw e;
            }
            verdict(standIn, MALFORMED + e.getMessage());
            return standIn;
        }
    }

    private SIPMessage parseStrictly(byte[] msg, boolean readBody, boolean strict, ParseExceptionListener handler)
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
            NameAddrs.check(msg);
            if (version != null && !"SIP/2.0".equals(version)) {
                verdict(parsed, UNSUPPORTED_VERSION); // the element answers 505
            }
            String missing = MissingHeaders.fill(parsed);
            if (missing != null) {
                verdict(parsed, MISSING_HEADER + missing); // the element answers 400
            }
            if (handler instanceof gov.nist.javax.sip.stack.UDPMessageChannel) {
                forceRport(parsed);
            }
        }
        return parsed;
    }

    /**
     * Header that carries the parser's verdict to the element (a header, not application data,
     * because stream transports copy the message on its way). A request that comes with this
     * header from outside only gets itself refused.
     */
    public static final String VERDICT_HEADER = "X-Switchboard-Parser-Verdict";

    private static final gov.nist.javax.sip.header.HeaderFactoryImpl HEADERS = new gov.nist.javax.sip.header.HeaderFactoryImpl();

    private static void verdict(SIPMessage message, String value) {
        message.removeHeader(VERDICT_HEADER);
        try {
            message.setHeader(HEADERS.createHeader(VERDICT_HEADER, value.replaceAll("[\\r\\n]", " ")));
        } catch (java.text.ParseException | RuntimeException e) {
            // without the verdict the request is handled as it parsed
        }
    }

    /** @return the parser's verdict on a message, or null */
    public static String verdictOf(SIPMessage message) {
        javax.sip.header.Header h = message.getHeader(VERDICT_HEADER);
        return h instanceof javax.sip.header.ExtensionHeader x ? x.getValue() : null;
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
