package org.switchboard.sip.internal.core;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class StatelessAnswersTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final StatelessAnswers answers = new StatelessAnswers(2, 32_000, now::get);
    private final MessageFactoryImpl factory = new MessageFactoryImpl();

    private Request register(String branch, String transport) throws Exception {
        return factory.createRequest("REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/" + transport
                + " 192.0.2.1:5060;branch=" + branch + "\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:a@example.com>\r\n"
                + "Call-ID: c1\r\nCSeq: 2 REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    private Response answer(Request r, int status) throws Exception {
        Response resp = factory.createResponse(status, r);
        ((ToHeader) resp.getHeader(ToHeader.NAME)).setTag("sb1");
        return resp;
    }

    @Test
    void aRetransmissionGetsTheSameResponse() throws Exception {
        Request first = register("z9hG4bK-1", "UDP");
        answers.remember(first, answer(first, 200));
        Response again = answers.previous(register("z9hG4bK-1", "UDP"), factory);
        assertNotNull(again);
        assertEquals(200, again.getStatusCode());
        assertEquals("sb1", ((ToHeader) again.getHeader(ToHeader.NAME)).getTag());
        assertNull(answers.previous(register("z9hG4bK-2", "UDP"), factory), "a new branch is a new request");
    }

    @Test
    void aRetransmissionWhileTheAnswerIsPendingIsAbsorbedThenAnswered() throws Exception {
        Request first = register("z9hG4bK-p", "UDP");
        answers.pending(first);
        assertTrue(answers.isPending(register("z9hG4bK-p", "UDP")), "the 200 waits for the store: absorb");
        assertNull(answers.previous(register("z9hG4bK-p", "UDP"), factory), "nothing to send again yet");
        assertFalse(answers.isPending(register("z9hG4bK-q", "UDP")));
        answers.remember(first, answer(first, 200));
        assertFalse(answers.isPending(register("z9hG4bK-p", "UDP")));
        assertEquals(200, answers.previous(register("z9hG4bK-p", "UDP"), factory).getStatusCode());
        assertEquals(1, answers.size(), "pending then answered is one entry");
    }

    @Test
    void onlyUdpFinalResponsesWithinTheirLifetimeAreKept() throws Exception {
        Request tcp = register("z9hG4bK-t", "TCP");
        answers.remember(tcp, answer(tcp, 200));
        assertNull(answers.previous(tcp, factory));
        Request udp = register("z9hG4bK-u", "UDP");
        answers.remember(udp, answer(udp, 100));
        assertNull(answers.previous(udp, factory));
        answers.remember(udp, answer(udp, 401));
        now.addAndGet(32_001);
        assertNull(answers.previous(udp, factory));
    }

    @Test
    void theOldestGoFirstPastTheCapacity() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Request r = register("z9hG4bK-" + i, "UDP");
            answers.remember(r, answer(r, 200));
        }
        assertEquals(2, answers.size());
        assertNull(answers.previous(register("z9hG4bK-1", "UDP"), factory));
        assertNotNull(answers.previous(register("z9hG4bK-3", "UDP"), factory));
    }
}
