package org.switchboard.sip.internal;

import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.core.LocalDomains;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import javax.sip.address.URI;
import javax.sip.message.Request;

/** Real JAIN-SIP factories and parsers for tests; no stack, no network. */
public final class Sip {
    public static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();
    public static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    public static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();

    private Sip() {
    }

    /** A context for domain example.com, advertised 192.0.2.10, UDP/TCP 5060 and WS 5066. */
    public static SipContext context() {
        return new SipContext(null, MESSAGES, HEADERS, ADDRESSES,
                new LocalDomains(List.of("example.com"), "192.0.2.10"), Map.of("UDP", 5060, "TCP", 5060, "WS", 5066), null);
    }

    /** Parses a request; lines are joined with CRLF and a blank line is appended. */
    public static Request parse(String... lines) {
        try {
            return MESSAGES.createRequest(String.join("\r\n", lines) + "\r\n\r\n");
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A minimal valid request with extra header lines. */
    public static Request request(String method, String ruri, String... extraHeaders) {
        String[] base = {
            method + " " + ruri + " SIP/2.0",
            "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-test-1",
            "Max-Forwards: 70",
            "From: <sip:alice@example.com>;tag=from1",
            "To: <sip:bob@example.com>",
            "Call-ID: call-1@198.51.100.7",
            "CSeq: 1 " + method,
            "Contact: <sip:alice@198.51.100.7:5060>",
        };
        String[] all = new String[base.length + extraHeaders.length + 1];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extraHeaders, 0, all, base.length, extraHeaders.length);
        all[all.length - 1] = "Content-Length: 0";
        return parse(all);
    }

    public static URI uri(String text) {
        try {
            return ADDRESSES.createURI(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
