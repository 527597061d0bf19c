package org.switchboard.itest.transport;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

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
 * In-dialog requests sent back to back on one connection reach the far end in the order they
 * were sent. A stream transport keeps order (RFC 3261 18.3), and endpoints rely on it: a
 * re-INVITE then a BYE, DTMF digits as INFO. Two WebSocket clients set up a call through the
 * proxy; the callee then sends a burst of INFO requests with increasing CSeq, and the caller
 * must see them in CSeq order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InDialogOrderIT extends SwitchboardTestSupport {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final int BURST = 60;

    private WsSipClient registered(SipUser user, boolean secure) {
        WsSipClient ws = new WsSipClient(user, HOST, secure ? wssPort() : wsPort(), secure);
        SipMessage response = ws.register(300);
        assertEquals("REGISTER over WS: " + response.startLine(), 200, response.status());
        Awaitility.await(user.name() + " is bound over WS").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !bindings(user).isEmpty());
        return ws;
    }

    @Test
    public void burstOfInfoOnOneWebSocketArrivesInOrder() {
        burstArrivesInOrder(false);
    }

    @Test
    public void burstOfInfoOnOneSecureWebSocketArrivesInOrder() {
        burstArrivesInOrder(true);
    }

    private void burstArrivesInOrder(boolean secure) {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        try (WsSipClient caller = registered(alice, secure); WsSipClient callee = registered(bob, secure)) {
            CompletableFuture<WsSipClient.Dialog> call = CompletableFuture.supplyAsync(() -> caller.invite(bob.aor()));
            SipMessage invite = callee.awaitRequest("INVITE", CALL_TIMEOUT);
            callee.answer(invite);
            WsSipClient.Dialog dialog = call.join();
            SipMessage ack = callee.awaitRequest("ACK", CALL_TIMEOUT);
            InDialogBurst burst = InDialogBurst.asCallee(invite, ack.header("to").orElseThrow(), secure ? "WSS" : "WS");

            for (int i = 1; i <= BURST; i++) {
                callee.send(burst.request("INFO", i, "application/dtmf-relay", "Signal=" + (i % 10) + "\r\nDuration=100\r\n"));
            }

            List<Long> arrived = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                SipMessage info = caller.await(m -> !m.isResponse() && "INFO".equals(m.method())
                        && dialog.callId().equals(m.header("call-id").orElse("")), CALL_TIMEOUT);
                arrived.add(InDialogBurst.cseq(info));
                caller.respond(info, 200, "OK");
            }
            assertEquals("INFO requests sent back to back on one " + (secure ? "secure " : "") + "WebSocket arrive in CSeq order",
                    IntStream.rangeClosed(1, BURST).mapToObj(n -> (long) n + InDialogBurst.FIRST_CSEQ - 1).toList(), arrived);

            CompletableFuture<SipMessage> hangup = CompletableFuture.supplyAsync(() -> caller.bye(dialog));
            callee.respond(callee.awaitRequest("BYE", CALL_TIMEOUT), 200, "OK");
            assertEquals(200, hangup.join().status());
        }
    }
}
