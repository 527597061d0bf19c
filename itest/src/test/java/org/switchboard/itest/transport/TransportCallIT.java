package org.switchboard.itest.transport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.api.location.Binding;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.WsSipClient;

/**
 * Calls over every transport the server listens on, and across transports: TCP and TLS phones
 * (Net::SIP, {@code sipua.pl --transport tcp|tls --trace}), a WSS client (the JDK's WebSocket
 * over TLS, raw SIP) and UDP phones. Each call goes through the proxy with digest auth (407),
 * rings, is answered, ACKed and hung up.
 *
 * <p>With {@code --trace} the agents print every message they receive with the address it came
 * from. A message from {@code 127.0.0.1:<server SIP port>} over TCP came over the connection the
 * agent itself opened to the server (connection reuse); the server's own outgoing connections
 * come from other ports.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransportCallIT extends SwitchboardTestSupport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private NetSipAgent registered(String transport, SipUser user, String... extraArgs) {
        NetSipAgent agent = startAgentOver(transport, user, extraArgs).awaitRegistered();
        String expected = transport.toUpperCase();
        try {
            Awaitility.await(user.name() + " is bound over " + expected).atMost(SIP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> bindings(user).stream().anyMatch(b -> b.flow().transport().equals(expected)));
        } catch (RuntimeException e) {
            throw new AssertionError(user.name() + " registered over " + expected + " but its bindings are "
                    + bindings(user) + "\n" + agent.describe(), e);
        }
        return agent;
    }

    /**
     * Caller and callee both on one connection-oriented transport: the whole call, with the
     * 407 challenge seen by the caller, and the INVITE and BYE reaching the callee over the
     * connection it registered on.
     */
    private void callBetween(String transport) {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        NetSipAgent caller = registered(transport, alice, "--trace");
        NetSipAgent callee = registered(transport, bob, "--trace");
        int serverPort = "tls".equals(transport) ? tlsPort() : sipPort();
        String fromServer = "RECV " + transport + " " + HOST + ":" + serverPort + " ";

        caller.send("call " + bob.aor());

        String invite = callee.await("INVITE ", CALL_TIMEOUT);
        String callId = invite.substring("INVITE ".length());
        try {
            caller.await(fromServer + "407 INVITE " + callId);
            callee.await(fromServer + "INVITE " + callId);
            caller.await("CALL-PROGRESS 180");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ncallee:\n" + callee.describe(), e);
        }
        callee.send("answer");
        assertEquals("CALL-OK 200", caller.await("CALL-OK", CALL_TIMEOUT));
        callee.await(fromServer + "ACK " + callId);
        callee.await("ACK " + callId);

        caller.send("bye");

        try {
            callee.await(fromServer + "BYE " + callId);
            callee.await("BYE " + callId);
            assertEquals("BYE-RESULT 200", caller.await("BYE-RESULT"));
            caller.await(fromServer + "200 BYE " + callId);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ncaller:\n" + caller.describe() + "\ncallee:\n"
                    + callee.describe(), e);
        }
    }

    @Test
    public void callOverTcp() {
        callBetween("tcp");
    }

    @Test
    public void callOverTls() {
        callBetween("tls");
    }

    /** TCP caller, UDP callee: the callee hangs up, its BYE reaches the caller over the caller's connection. */
    @Test
    public void tcpCallerUdpCalleeHangsUp() {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        NetSipAgent caller = registered("tcp", alice, "--trace");
        NetSipAgent callee = registered("udp", bob, "--auto-answer", "--trace");
        String fromServerTcp = "RECV tcp " + HOST + ":" + sipPort() + " ";
        String fromServerUdp = "RECV udp " + HOST + ":" + sipPort() + " ";

        caller.send("call " + bob.aor());

        String callId = callee.await("INVITE ", CALL_TIMEOUT).substring("INVITE ".length());
        callee.await(fromServerUdp + "INVITE " + callId);
        assertEquals("CALL-OK 200", caller.await("CALL-OK", CALL_TIMEOUT));
        caller.await(fromServerTcp + "200 INVITE " + callId);
        callee.await("ACK " + callId);

        callee.send("bye");

        try {
            caller.await(fromServerTcp + "BYE " + callId);
            caller.await("BYE remote");
            assertEquals("BYE-RESULT 200", callee.await("BYE-RESULT"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ncaller:\n" + caller.describe() + "\ncallee:\n"
                    + callee.describe(), e);
        }
    }

    private WsSipClient registerOverWss(SipUser user) {
        WsSipClient wss = new WsSipClient(user, HOST, wssPort(), true);
        SipMessage response = wss.register(300);
        assertEquals("REGISTER over WSS: " + response.startLine(), 200, response.status());
        Awaitility.await(user.name() + " is bound over WSS").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> bindings(user).stream().anyMatch(b -> b.flow().transport().equals("WSS")));
        List<Binding> bindings = bindings(user);
        assertTrue("the WSS binding keeps its +sip.instance: " + bindings,
                bindings.stream().anyMatch(b -> !b.instanceId().isEmpty()));
        return wss;
    }

    @Test
    public void udpPhoneCallsWssUser() {
        SipUser browser = createUser("wssuser");
        SipUser phone = createUser("udpuser");
        try (WsSipClient wss = registerOverWss(browser)) {
            NetSipAgent udp = registered("udp", phone);

            udp.send("call " + browser.aor());

            SipMessage invite = wss.awaitRequest("INVITE", CALL_TIMEOUT);
            assertTrue("the INVITE reached the secure WebSocket: " + invite.headers("via"),
                    invite.header("via").orElse("").startsWith("SIP/2.0/WSS"));
            WsSipClient.Dialog dialog = wss.answer(invite);
            assertEquals("CALL-OK 200", udp.await("CALL-OK", CALL_TIMEOUT));
            wss.awaitRequest("ACK", CALL_TIMEOUT);

            udp.send("bye");

            SipMessage bye = wss.awaitRequest("BYE", CALL_TIMEOUT);
            assertEquals(dialog.callId(), bye.header("call-id").orElse(""));
            wss.respond(bye, 200, "OK");
            assertEquals("BYE-RESULT 200", udp.await("BYE-RESULT"));
        }
    }

    @Test
    public void wssUserCallsUdpPhone() {
        SipUser browser = createUser("wssuser");
        SipUser phone = createUser("udpuser");
        try (WsSipClient wss = registerOverWss(browser)) {
            NetSipAgent udp = registered("udp", phone, "--auto-answer");

            WsSipClient.Dialog dialog;
            try {
                dialog = wss.invite(phone.aor());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nthe UDP phone saw:\n" + udp.describe(), e);
            }

            udp.await("INVITE " + dialog.callId());
            udp.await("ACK " + dialog.callId());
            SipMessage byeResponse = wss.bye(dialog);
            assertEquals("BYE from WSS: " + byeResponse.startLine(), 200, byeResponse.status());
            udp.await("BYE " + dialog.callId());
        }
    }
}
