package org.switchboard.itest.ws;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * SIP over WebSocket (RFC 7118) meets SIP over UDP: a WebSocket client (the JDK's, sending SIP
 * text as a browser would) registers with digest and calls and is called by a Net::SIP phone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebSocketCallIT extends SwitchboardTestSupport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private WsSipClient registerOverWs(SipUser user) {
        WsSipClient ws = new WsSipClient(user, HOST, wsPort());
        SipMessage response = ws.register(300);
        assertEquals("REGISTER over WS: " + response.startLine(), 200, response.status());
        Awaitility.await(user.name() + " is bound over WS").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> bindings(user).stream().anyMatch(b -> b.flow().transport().startsWith("WS")));
        List<Binding> bindings = bindings(user);
        assertTrue("the WS binding keeps its +sip.instance: " + bindings,
                bindings.stream().anyMatch(b -> !b.instanceId().isEmpty()));
        return ws;
    }

    @Test
    public void udpPhoneCallsWebSocketUser() {
        SipUser browser = createUser("wsuser");
        SipUser phone = createUser("udpuser");
        try (WsSipClient ws = registerOverWs(browser)) {
            NetSipAgent udp = startAgent(phone).awaitRegistered();

            udp.send("call " + browser.aor());

            SipMessage invite = ws.awaitRequest("INVITE", CALL_TIMEOUT);
            assertTrue("the INVITE reached the WebSocket: " + invite.headers("via"),
                    invite.header("via").orElse("").startsWith("SIP/2.0/WS"));
            WsSipClient.Dialog dialog = ws.answer(invite);
            udp.await("CALL-OK");
            ws.awaitRequest("ACK", CALL_TIMEOUT);

            udp.send("bye");

            SipMessage bye = ws.awaitRequest("BYE", CALL_TIMEOUT);
            assertEquals(dialog.callId(), bye.header("call-id").orElse(""));
            ws.respond(bye, 200, "OK");
            assertEquals("BYE-RESULT 200", udp.await("BYE-RESULT"));
        }
    }

    @Test
    public void webSocketUserCallsUdpPhone() {
        SipUser browser = createUser("wsuser");
        SipUser phone = createUser("udpuser");
        try (WsSipClient ws = registerOverWs(browser)) {
            NetSipAgent udp = startAgent(phone, "--auto-answer").awaitRegistered();

            WsSipClient.Dialog dialog;
            try {
                dialog = ws.invite(phone.aor());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nthe UDP phone saw:\n" + udp.describe(), e);
            }

            udp.await("INVITE " + dialog.callId());
            udp.await("ACK " + dialog.callId());
            SipMessage byeResponse = ws.bye(dialog);
            assertEquals("BYE from WS: " + byeResponse.startLine(), 200, byeResponse.status());
            udp.await("BYE " + dialog.callId());
        }
    }

    /** The first line the WebSocket port answers an upgrade with, or "closed" when it closes the connection instead. */
    private static String upgrade(String origin) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(HOST, wsPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET / HTTP/1.1\r\nHost: " + HOST + ":" + wsPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: sip\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            String line = in.readLine();
            return line == null ? "closed" : line;
        } catch (java.net.SocketException e) {
            return "closed";
        }
    }

    @Test
    public void onlyPagesServedHereMayOpenSipOverWebSocket() throws Exception {
        assertTrue("a page of this server", upgrade("https://" + HOST + ":" + httpsPort()).startsWith("HTTP/1.1 101"));
        assertTrue("localhost is one of its names", upgrade("http://localhost:8080").startsWith("HTTP/1.1 101"));
        assertTrue("no Origin: not a browser (a phone, node)", upgrade(null).startsWith("HTTP/1.1 101"));
        assertEquals("a page from another site", "closed", upgrade("https://evil.example"));
        assertEquals("a file or sandboxed page", "closed", upgrade("null"));
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        Awaitility.await("the refusal logged with its origin").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("last from Origin https://evil.example"));
    }
}
