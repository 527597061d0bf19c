package org.switchboard.sip.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.parser.SIPMessageListener;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's NIO parser, fed bytes as a TCP or WebSocket connection would be, hands the
 * messages of one connection to the listener in arrival order, and those of other connections
 * in parallel.
 */
class OrderedDispatchTest {
    private SwitchboardStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = TestStacks.create("ordered-dispatch-test");
    }

    @AfterEach
    void stop() {
        stack.stop();
    }

    @Test
    void messagesOfOneConnectionReachTheListenerInArrivalOrder() throws Exception {
        int count = 300;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(count);
        NioPipelineParser connection = parser(m -> {
            seen.add(m.getCSeq().getSeqNumber());
            all.countDown();
        });

        for (int i = 1; i <= count; i++) {
            connection.addBytes(info("call-1", i));
        }

        assertTrue(all.await(20, TimeUnit.SECONDS), "every message reached the listener: " + seen.size());
        assertEquals(LongStream.rangeClosed(1, count).boxed().toList(), seen);
    }

    @Test
    void aSlowConnectionDoesNotHoldUpAnother() throws Exception {
        CountDownLatch otherRan = new CountDownLatch(1);
        boolean[] released = {false};
        CountDownLatch slowDone = new CountDownLatch(1);
        NioPipelineParser slow = parser(m -> {
            try {
                released[0] = otherRan.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowDone.countDown();
        });
        NioPipelineParser other = parser(m -> otherRan.countDown());

        slow.addBytes(info("call-slow", 1));
        other.addBytes(info("call-other", 1));

        assertTrue(slowDone.await(20, TimeUnit.SECONDS));
        assertTrue(released[0], "the second connection's message ran while the first connection's was busy");
    }

    private NioPipelineParser parser(Consumer<SIPMessage> onMessage) {
        return new NioPipelineParser(stack, new SIPMessageListener() {
            @Override
            public void processMessage(SIPMessage msg) {
                onMessage.accept(msg);
            }

            @Override
            public void sendSingleCLRF() {
            }

            @Override
            public void handleException(ParseException ex, SIPMessage sipMessage, Class headerClass, String headerText,
                    String messageText) throws ParseException {
                throw ex;
            }
        }, 65536);
    }

    private static byte[] info(String callId, long cseq) {
        String body = "Signal=1\r\nDuration=100\r\n";
        return ("INFO sip:bob@192.0.2.1;transport=ws SIP/2.0\r\n"
                + "Via: SIP/2.0/WS a.invalid;branch=z9hG4bK" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a\r\n"
                + "To: <sip:bob@example.com>;tag=b\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INFO\r\n"
                + "Content-Type: application/dtmf-relay\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
