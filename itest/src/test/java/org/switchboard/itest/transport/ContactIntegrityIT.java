package org.switchboard.itest.transport;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.WsSipClient;

/**
 * The proxy relays a WebSocket client's responses with their Contact values as sent (RFC 3261
 * 16.7): a 3xx lists where to redirect the call, and none of those targets may be stamped with
 * the client's own address or WebSocket port.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContactIntegrityIT extends SwitchboardTestSupport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    @Test
    public void redirectFromWebSocketCalleeKeepsItsContacts() {
        SipUser bob = createUser("bob");
        try (WsSipClient callee = new WsSipClient(bob, HOST, wsPort());
                WsSipClient caller = new WsSipClient(new SipUser("caller", "unused"), HOST, wsPort())) {
            assertEquals(200, callee.register(300).status());
            Awaitility.await(bob.name() + " is bound over WS").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !bindings(bob).isEmpty());
            RawCall call = new RawCall(bob.aor());

            caller.send(call.invite());
            SipMessage invite = callee.awaitRequest("INVITE", CALL_TIMEOUT);
            callee.send(RawCall.response(invite, 302, "Moved Temporarily",
                    "Contact: <sip:bob-desk@192.0.2.55:5099>;q=0.7\r\nContact: <sip:bob-mobile@mobile.example.com>;q=0.5\r\n"));
            SipMessage redirect = caller.await(m -> m.isResponse() && m.status() >= 200
                    && call.callId().equals(m.header("call-id").orElse("")), CALL_TIMEOUT);
            caller.send(call.ackFor(redirect));

            assertEquals(302, redirect.status());
            assertEquals("the 302's Contact values as the callee sent them: " + redirect.headers("contact"),
                    List.of("sip:bob-desk@192.0.2.55:5099", "sip:bob-mobile@mobile.example.com"), contactUris(redirect));
        }
    }

    private static List<String> contactUris(SipMessage m) {
        return m.headers("contact").stream().flatMap(h -> Arrays.stream(h.split(",")))
                .map(String::trim).map(SipMessage::uriOf).toList();
    }
}
