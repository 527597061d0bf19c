package org.switchboard.sip.internal.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatagramHeadTest {
    static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds\r\n"
            + "v: SIP/2.0/UDP 192.0.2.9:5070;branch=z9hG4bKother\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: Bob <sip:bob@example.com>\r\n"
            + "f: Alice <sip:alice@example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@192.0.2.1>\r\n"
            + "Content-Length: 0\r\n\r\n";

    static DatagramHead head(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return DatagramHead.of(b, b.length);
    }

    @Test
    void anInitialInviteIsNotPriorityAndCanBeAnswered() {
        DatagramHead h = head(INVITE);
        assertEquals("INVITE", h.method());
        assertFalse(h.response());
        assertFalse(h.priority());
        assertTrue(h.answerable());
    }

    @Test
    void responsesAndInDialogRequestsHavePriority() {
        assertTrue(head("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\nCall-ID: x\r\n\r\n").priority());
        assertTrue(head(INVITE.replace("INVITE sip", "BYE sip")).priority());
        assertTrue(head(INVITE.replace("INVITE sip", "ACK sip")).priority());
        assertTrue(head(INVITE.replace("INVITE sip", "CANCEL sip")).priority());
        // a re-INVITE: its To carries the tag of the dialog (compact form, spaces around ';' and '=')
        assertTrue(head(INVITE.replace("To: Bob <sip:bob@example.com>", "t: Bob <sip:bob@example.com> ; TAG = 8321234356")).priority());
    }

    @Test
    void aRequestAnsweringAChallengeIsRecognised() {
        assertFalse(head(INVITE).credentials());
        assertTrue(head(INVITE.replace("Max-Forwards: 70", "Proxy-Authorization: Digest username=\"alice\"")).credentials());
        assertTrue(head(INVITE.replace("Max-Forwards: 70", "authorization : Digest username=\"alice\"")).credentials());
    }

    @Test
    void oneDialogHasOneHashWhateverTheHeaderForm() {
        int full = head(INVITE).callIdHash();
        assertEquals(full, head(INVITE.replace("Call-ID: ", "i:   ")).callIdHash());
        assertEquals(full, head(INVITE.replace("INVITE sip", "BYE sip").replace("Call-ID: a84b4c76e66710@pc33.example.com",
                "call-id:a84b4c76e66710@pc33.example.com  ")).callIdHash());
        assertNotEquals(full, head(INVITE.replace("a84b4c76", "b84b4c76")).callIdHash());
    }

    @Test
    void aTruncatedOrHeaderlessDatagramCannotBeAnswered() {
        assertFalse(head(INVITE.substring(0, 120)).answerable());
        assertFalse(head("garbage").answerable());
        assertNull(head("\u0000\u0001").method());
        assertFalse(head(INVITE.replace("Call-ID: a84b4c76e66710@pc33.example.com\r\n", "")).answerable());
    }

    @Test
    void foldedHeaderLinesAreOneHeader() {
        DatagramHead h = head(INVITE.replace("To: Bob <sip:bob@example.com>", "To: Bob\r\n <sip:bob@example.com>\r\n\t;tag=abc"));
        assertTrue(h.priority());
        assertTrue(h.answerable());
    }
}
