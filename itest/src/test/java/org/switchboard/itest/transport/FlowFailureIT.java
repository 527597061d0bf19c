package org.switchboard.itest.transport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.WsSipClient;

/**
 * A callee on a WebSocket rings, then its connection dies (a browser tab killed). The proxy's
 * branch to it ends at once as a transport failure (RFC 5626 5.3, RFC 3261 16.7): the caller gets
 * a final response within seconds instead of ringing until the ring timeout, and another device
 * of the callee keeps ringing and can answer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FlowFailureIT extends SwitchboardTestSupport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    /** Far below the ring timeout (180 s) and timer B (32 s): only the closed connection can end the branch. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @Test
    public void ringingWebSocketCalleeThatDisconnectsEndsTheCall() {
        SipUser bob = createUser("bob");
        try (UdpSipPeer caller = new UdpSipPeer(sipPort())) {
            WsSipClient callee = registeredOverWs(bob);
            String callId = UUID.randomUUID() + "@flow-failure";
            String invite = caller.invite(bob.aor(), callId);

            caller.send(invite);
            SipMessage forwarded = callee.awaitRequest("INVITE", CALL_TIMEOUT);
            callee.respond(forwarded, 180, "Ringing");
            caller.await(m -> isResponseTo(m, callId) && m.status() == 180, CALL_TIMEOUT);
            Awaitility.await("sip:calls shows the ringing call").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> executeCommand("sip:calls").contains(callId));

            callee.close();
            SipMessage fin = caller.await(m -> isResponseTo(m, callId) && m.status() >= 200, PROMPT);
            caller.send(UdpSipPeer.ackFor(SipMessage.parse(invite), fin));

            assertEquals("the caller's final response once the only ringing device is gone: " + fin, 480, fin.status());
            Awaitility.await("the call leaves sip:calls").atMost(PROMPT).pollInterval(Duration.ofMillis(200))
                    .until(() -> !executeCommand("sip:calls").contains(callId));
        }
    }

    @Test
    public void otherDeviceKeepsRingingAndAnswers() {
        SipUser carol = createUser("carol");
        try (UdpSipPeer caller = new UdpSipPeer(sipPort()); UdpSipPeer desk = new UdpSipPeer(sipPort())) {
            WsSipClient browser = registeredOverWs(carol);
            addUdpBinding(carol, desk.contact(carol.name() + "-desk"), desk.port());
            String callId = UUID.randomUUID() + "@flow-failure";

            caller.send(caller.invite(carol.aor(), callId));
            SipMessage toBrowser = browser.awaitRequest("INVITE", CALL_TIMEOUT);
            SipMessage toDesk = desk.await(m -> !m.isResponse() && "INVITE".equals(m.method()), CALL_TIMEOUT);
            browser.respond(toBrowser, 180, "Ringing");
            desk.send(RawCall.response(toDesk, 180, "Ringing", ""));
            caller.await(m -> isResponseTo(m, callId) && m.status() == 180, CALL_TIMEOUT);

            browser.close();
            // the desk phone is not cancelled, and the caller gets no final response, while it rings
            Awaitility.await("the browser's branch has ended").during(Duration.ofSeconds(2)).atMost(PROMPT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !desk.saw(m -> "CANCEL".equals(m.method()))
                            && !caller.saw(m -> isResponseTo(m, callId) && m.status() >= 200));
            assertTrue("the call is still listed while the desk phone rings", executeCommand("sip:calls").contains(callId));

            desk.send(RawCall.response(toDesk, 200, "OK", "Contact: <" + desk.contact(carol.name() + "-desk") + ">\r\n"));
            SipMessage fin = caller.await(m -> isResponseTo(m, callId) && m.status() >= 200, PROMPT);
            assertEquals("the desk phone's answer reaches the caller: " + fin, 200, fin.status());
            assertFalse("the desk phone was never cancelled", desk.saw(m -> "CANCEL".equals(m.method())));
        }
    }

    /**
     * RFC 3261 9.1 and 16.10: a callee that rings, then ignores the proxied CANCEL (no 487), must
     * not leave the caller without a final response: after 64*T1 the proxy ends the branch and
     * the caller gets 487 (before, the call stayed RINGING for good).
     */
    @Test
    public void aCalleeThatIgnoresCancelStillEndsTheCall() {
        SipUser dave = createUser("dave");
        try (UdpSipPeer caller = new UdpSipPeer(sipPort()); UdpSipPeer deaf = new UdpSipPeer(sipPort())) {
            String aor = bundleContext.getService(bundleContext.getServiceReference(org.switchboard.api.sip.SipDomains.class))
                    .aor(dave.name());
            locationStore().replace(aor, List.of(new Binding(aor, deaf.contact(dave.name()), "", 0, 1.0f,
                    Instant.now().plusSeconds(300), UUID.randomUUID().toString(), 1, List.of(),
                    new Flow("UDP", "127.0.0.1", deaf.port()), "FlowFailureIT deaf")));
            String callId = UUID.randomUUID() + "@cancel-ignored";
            String invite = caller.invite(dave.aor(), callId);
            caller.send(invite);
            SipMessage forwarded = deaf.await(m -> !m.isResponse() && "INVITE".equals(m.method()), CALL_TIMEOUT);
            deaf.send(RawCall.response(forwarded, 180, "Ringing", ""));
            caller.await(m -> isResponseTo(m, callId) && m.status() == 180, CALL_TIMEOUT);

            caller.send(invite.replaceFirst("^INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
                    .replaceAll("Contact: [^\r]*\r\n", ""));
            caller.await(m -> isResponseTo(m, callId) && m.status() == 200 && m.header("cseq").orElse("").endsWith("CANCEL"),
                    CALL_TIMEOUT);
            deaf.await(m -> "CANCEL".equals(m.method()), CALL_TIMEOUT); // and it stays silent
            SipMessage fin = caller.await(m -> isResponseTo(m, callId) && m.status() >= 300, Duration.ofSeconds(45));
            assertEquals("the proxy ends the cancelled call itself: " + fin, 487, fin.status());
            caller.send(UdpSipPeer.ackFor(SipMessage.parse(invite), fin));
            Awaitility.await("the call leaves sip:calls").atMost(PROMPT).pollInterval(Duration.ofMillis(200))
                    .until(() -> !executeCommand("sip:calls").contains(callId));
        }
    }

    private WsSipClient registeredOverWs(SipUser user) {
        WsSipClient client = new WsSipClient(user, HOST, wsPort());
        assertEquals(200, client.register(300).status());
        Awaitility.await(user.name() + " is bound over WS").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !bindings(user).isEmpty());
        return client;
    }

    /** A second device over UDP, put straight into the location store (a UDP REGISTER would need digest here). */
    private void addUdpBinding(SipUser user, String contact, int port) {
        List<Binding> all = new ArrayList<>(bindings(user));
        String aor = all.get(0).aor();
        all.add(new Binding(aor, contact, "", 0, 1.0f, Instant.now().plusSeconds(300), UUID.randomUUID().toString(), 1,
                List.of(), new Flow("UDP", "127.0.0.1", port), "FlowFailureIT desk"));
        locationStore().replace(aor, all);
        Awaitility.await("two bindings").atMost(SIP_TIMEOUT).until(() -> bindings(user).size() == 2);
    }

    private static boolean isResponseTo(SipMessage m, String callId) {
        return m.isResponse() && callId.equals(m.header("call-id").orElse(""));
    }
}
