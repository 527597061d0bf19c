package org.switchboard.itest.overload;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.Digest;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/**
 * RFC 3261 17.2.3 over UDP with a raw client: a retransmitted request (same branch) gets the very
 * same answer, even when the platform answered it statelessly, while a new request that reuses
 * an old nonce-count is still refused as a replay. Before, a retransmitted authenticated REGISTER
 * found its nonce-count used and got 401 stale=true.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RetransmissionIT extends SwitchboardTestSupport {

    private static String request(String method, String ruri, UdpProbe probe, String branch, String callId, int cseq,
            String from, String to, String extra) {
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + probe.port() + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + from + ">;tag=ft" + callId.substring(0, 6) + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:retx@127.0.0.1:" + probe.port() + ">\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static SipMessage exchange(UdpProbe probe, String text) {
        probe.send(text);
        List<SipMessage> got = probe.receiveUntilFinal(SIP_TIMEOUT);
        SipMessage last = got.isEmpty() ? null : got.get(got.size() - 1);
        assertNotNull("no final answer to\n" + text, last);
        assertTrue(last.isResponse() && last.status() >= 200);
        return last;
    }

    private static String branch() {
        return "z9hG4bK" + UUID.randomUUID();
    }

    @Test
    public void aRetransmittedRegisterGetsTheSameAnswerAndAReplayIsRefused() {
        SipUser alice = createUser("retx");
        String registrar = "sip:" + HOST;
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            String callId = UUID.randomUUID() + "@itest";
            SipMessage challenge = exchange(probe, request("REGISTER", registrar, probe, branch(), callId, 1, alice.aor(),
                    alice.aor(), "Expires: 300\r\n"));
            assertEquals(401, challenge.status());
            Map<String, String> c = Digest.choose(challenge.headers("www-authenticate"), "MD5");
            String creds = "Authorization: " + Digest.authorization(c, alice.name(), alice.password(), "REGISTER", registrar) + "\r\n";
            String authenticated = request("REGISTER", registrar, probe, branch(), callId, 2, alice.aor(), alice.aor(),
                    "Expires: 300\r\n" + creds);
            SipMessage ok = exchange(probe, authenticated);
            assertEquals(200, ok.status());
            SipMessage again = exchange(probe, authenticated);
            assertEquals("the retransmission gets the same answer", 200, again.status());
            assertEquals("the same response, To tag and all", ok.toTag(), again.toTag());

            // the same credentials (same nonce and nc) in a new request: a replay
            String replay = request("REGISTER", registrar, probe, branch(), callId, 3, alice.aor(), alice.aor(),
                    "Expires: 300\r\n" + creds);
            SipMessage refused = exchange(probe, replay);
            assertEquals(401, refused.status());
        }
    }

    @Test
    public void aRetransmittedInviteGetsTheSameChallengeAndTheSameFinalAnswer() {
        SipUser caller = createUser("retxc");
        SipUser callee = createUser("retxd"); // never registered: the call gets 480
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            String callId = UUID.randomUUID() + "@itest";
            String first = request("INVITE", callee.aor(), probe, branch(), callId, 1, caller.aor(), callee.aor(), "");
            SipMessage challenge = exchange(probe, first);
            assertEquals(407, challenge.status());
            SipMessage challengeAgain = exchange(probe, first);
            assertEquals(407, challengeAgain.status());
            assertEquals(challenge.toTag(), challengeAgain.toTag());
            assertEquals(challenge.header("proxy-authenticate"), challengeAgain.header("proxy-authenticate"));

            Map<String, String> c = Digest.choose(challenge.headers("proxy-authenticate"), "MD5");
            String authed = request("INVITE", callee.aor(), probe, branch(), callId, 2, caller.aor(), callee.aor(),
                    "Proxy-Authorization: " + Digest.authorization(c, caller.name(), caller.password(), "INVITE", callee.aor()) + "\r\n");
            SipMessage unavailable = exchange(probe, authed);
            assertEquals(480, unavailable.status());
            SipMessage unavailableAgain = exchange(probe, authed);
            assertEquals(480, unavailableAgain.status());
            assertEquals(unavailable.toTag(), unavailableAgain.toTag());
        }
    }
}
