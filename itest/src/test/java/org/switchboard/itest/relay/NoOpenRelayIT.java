package org.switchboard.itest.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/**
 * The proxy relays nothing for strangers: a request from another domain to another domain gets
 * 403, and a request that pretends to be in a dialog (To tag) but carries no Route of ours, so
 * that it would skip authentication, gets 404 instead of being forwarded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NoOpenRelayIT extends SwitchboardTestSupport {

    private static final Duration ANSWER = Duration.ofSeconds(5);

    private static String invite(int port, String toTag) {
        String id = UUID.randomUUID().toString();
        return "INVITE sip:+15551234567@pstn.example.net SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:attacker@evil.example.org>;tag=" + id.substring(0, 8) + "\r\n"
                + "To: <sip:+15551234567@pstn.example.net>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + id + "@evil\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:attacker@127.0.0.1:" + port + ">\r\nContent-Length: 0\r\n\r\n";
    }


    @Test
    public void foreignToForeignIsRefused() {
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            probe.send(invite(probe.port(), null));
            List<SipMessage> answers = probe.receiveUntilFinal(ANSWER);
            assertEquals(403, answers.get(answers.size() - 1).status());
        }
    }

    @Test
    public void fakeInDialogRequestWithoutOurRouteIsNotRelayed() {
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            probe.send(invite(probe.port(), "fake-dialog"));
            List<SipMessage> answers = probe.receiveUntilFinal(ANSWER);
            assertFalse(answers.isEmpty());
            assertEquals(404, answers.get(answers.size() - 1).status());
        }
    }

    private static String inviteFromAnotherDomain(int port, String user) {
        String id = UUID.randomUUID().toString();
        return "INVITE sip:" + user + "@" + HOST + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:prober@elsewhere.example.org>;tag=" + id.substring(0, 8) + "\r\n"
                + "To: <sip:" + user + "@" + HOST + ">\r\n"
                + "Call-ID: " + id + "@elsewhere\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:prober@127.0.0.1:" + port + ">\r\nContent-Length: 0\r\n\r\n";
    }

    private int finalStatusOfInviteFromAnotherDomain(String user) {
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            probe.send(inviteFromAnotherDomain(probe.port(), user));
            List<SipMessage> answers = probe.receiveUntilFinal(ANSWER);
            assertFalse(answers.isEmpty());
            return answers.get(answers.size() - 1).status();
        }
    }

    @Test
    public void strangersCannotTellWhichAccountsExist() {
        String offline = createUser("offline").name();
        int unknown = finalStatusOfInviteFromAnotherDomain("nosuchuser" + UUID.randomUUID().toString().substring(0, 6));
        int existing = finalStatusOfInviteFromAnotherDomain(offline);
        assertEquals("an unknown user and an offline one look the same from another domain", existing, unknown);
        assertEquals(480, unknown);
    }
}
