package org.switchboard.jainsip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class StrictMessageParserTest {
    private static final String HEADERS = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\n"
            + "Call-ID: c1@example.com\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    /** Parses as a datagram channel does (a listener present): errors are thrown. */
    private static SIPMessage parse(String text) throws ParseException {
        return new StrictMessageParser().parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), true, false,
                (ex, message, headerClass, header, raw) -> { });
    }

    @Test
    void wellFormedRequestParses() throws ParseException {
        SIPMessage m = parse("OPTIONS sip:b@example.com SIP/2.0\r\n" + HEADERS);
        assertEquals("OPTIONS", ((SIPRequest) m).getMethod());
        assertNull(StrictMessageParser.verdictOf(m));
    }

    @Test
    void malformedRequestLinesAreRejectedWithOneLineMessage() {
        for (String line : new String[] {"OPTIONS  sip:b@example.com SIP/2.0", "OPTIONS sip:b@example.com SIP/2.0 ",
                "INVITE <sip:b@example.com> SIP/2.0", "INVITE sip:b@example.com; lr SIP/2.0"}) {
            ParseException e = assertThrows(ParseException.class, () -> parse(line + "\r\n" + HEADERS), line);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void duplicateSingleValueHeadersAreRejectedIncludingCompactForms() {
        assertThrows(ParseException.class, () -> parse("OPTIONS sip:b@example.com SIP/2.0\r\ni: second@x\r\n" + HEADERS));
        assertThrows(ParseException.class, () -> parse("OPTIONS sip:b@example.com SIP/2.0\r\nContent-Length : 0\r\n" + HEADERS));
    }

    @Test
    void nameAddrRulesOfRfc4475AreEnforced() throws ParseException {
        String ok = "OPTIONS sip:b@example.com SIP/2.0\r\n" + HEADERS;
        // regbadct: a URI with headers must be in <>
        assertThrows(ParseException.class, () -> parse(ok.replace("Content-Length: 0",
                "Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E\r\nContent-Length: 0")));
        // badaspec: no whitespace inside <>
        assertThrows(ParseException.class, () -> parse(ok.replace("To: <sip:b@example.com>", "To: \"Watson, Thomas\" < sip:b@example.com >")));
        // baddn: a display name with a comma must be quoted
        assertThrows(ParseException.class, () -> parse(ok.replace("From: <sip:a@example.com>", "From: Bell, Alexander <sip:a@example.com>")));
        // what stays valid: quoted names with commas, token names with dots, lists, params, *, plain addr-specs
        parse(ok.replace("From: <sip:a@example.com>", "From: \"Bell, Alexander\" <sip:a@example.com>")
                .replace("To: <sip:b@example.com>", "To: T. Watson <sip:b@example.com;transport=udp>;tag=x")
                .replace("Content-Length: 0", "Contact: sip:a@192.0.2.1;expires=60, <sip:b@example.com?subject=x>;q=0.5\r\n"
                        + "Route: <sip:p1@example.com;lr>,<sip:p2@example.com;lr>\r\nContent-Length: 0"));
        parse(ok.replace("Content-Length: 0", "Contact: *\r\nContent-Length: 0"));
    }

    @Test
    void malformedRoutingHeaderFailsTheMessageInsteadOfBeingDropped() {
        String bad = HEADERS.replace("To: <sip:b@example.com>", "To: \"unterminated <sip:b@example.com>");
        ParseException e = assertThrows(ParseException.class, () -> parse("OPTIONS sip:b@example.com SIP/2.0\r\n" + bad));
        assertTrue(e.getMessage().startsWith("Malformed"), e.getMessage());
    }

    @Test
    void otherSipVersionIsFlaggedFor505() throws ParseException {
        SIPMessage m = parse("OPTIONS sip:b@example.com SIP/7.0\r\n" + HEADERS);
        assertEquals(StrictMessageParser.UNSUPPORTED_VERSION, StrictMessageParser.verdictOf(m));
    }

    @Test
    void missingCallIdIsFilledAndFlaggedFor400() throws ParseException {
        SIPMessage m = parse("OPTIONS sip:b@example.com SIP/2.0\r\n" + HEADERS.replace("Call-ID: c1@example.com\r\n", ""));
        assertEquals(StrictMessageParser.MISSING_HEADER + "Call-ID", StrictMessageParser.verdictOf(m));
        assertTrue(m.getCallId() != null);
    }

    @Test
    void requestWithoutViaOrCSeqIsRejectedInsteadOfCrashingTheRi() {
        assertThrows(ParseException.class, () -> parse("OPTIONS sip:b@example.com SIP/2.0\r\n"
                + HEADERS.replace("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc\r\n", "")));
        assertThrows(ParseException.class, () -> parse("OPTIONS sip:b@example.com SIP/2.0\r\n"
                + HEADERS.replace("CSeq: 1 OPTIONS\r\n", "")));
    }

    @Test
    void malformedPeerInputIsRecognisedForTheQuietLog() {
        assertTrue(Slf4jStackLogger.isAboutPeerInput("Dropping Badly formatted response message >>> SIP/2.0 42941"));
        assertTrue(Slf4jStackLogger.isAboutPeerInput("bad message OPTIONS sip:x SIP/2.0"));
        assertFalse(Slf4jStackLogger.isAboutPeerInput("could not instantiate SSL networking"));
    }

    @Test
    void malformedRequestOnAStreamBecomesAFlaggedStandInThatCanBeAnswered() throws ParseException {
        SIPMessage m = new StrictMessageParser().parseSIPMessage(
                ("INVITE <sip:b@example.com> SIP/2.0\r\n" + HEADERS.replace("1 OPTIONS", "7 INVITE"))
                        .getBytes(StandardCharsets.ISO_8859_1), true, false, null);
        assertTrue(String.valueOf(StrictMessageParser.verdictOf(m)).startsWith(StrictMessageParser.MALFORMED + "Malformed Request-Line"));
        assertEquals("INVITE", ((SIPRequest) m).getMethod());
        assertEquals("c1@example.com", m.getCallId().getCallId());
    }

    @Test
    void standInWorksWithTheLfOnlyLinesOfTheNioStreamParser() throws ParseException {
        String text = ("OPTIONS <sip:b@example.com> SIP/2.0\r\n" + HEADERS).replace("\r\n", "\n");
        SIPMessage m = new StrictMessageParser().parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), false, false, null);
        assertTrue(String.valueOf(StrictMessageParser.verdictOf(m)).startsWith(StrictMessageParser.MALFORMED));
    }

    @Test
    void malformedAckOrResponseOnAStreamIsStillDropped() {
        assertThrows(ParseException.class, () -> new StrictMessageParser().parseSIPMessage(
                ("ACK <sip:b@example.com> SIP/2.0\r\n" + HEADERS.replace("1 OPTIONS", "7 ACK"))
                        .getBytes(StandardCharsets.ISO_8859_1), true, false, null));
    }

    @Test
    void oneLineDropsRiNoise() {
        assertEquals("Malformed Via header ID expected", OneLine.of("[C@35097e16\nMalformed Via header\nID expected"));
        assertEquals("Malformed message", OneLine.of(null));
    }
}
