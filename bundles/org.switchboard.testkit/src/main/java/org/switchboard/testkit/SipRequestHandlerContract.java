package org.switchboard.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.api.sip.handler.SipRequestHandler;

/**
 * What every {@link SipRequestHandler} must do: answer each request exactly once with a final
 * status, soon (the core answers 500 for it after 30 s), without blocking the SIP thread it is
 * called on, and cope with bodies and senders it does not expect instead of throwing. Extend it
 * and supply the handler and a request it accepts.
 */
public abstract class SipRequestHandlerContract {
    /** How long a handler may take to answer in these tests. */
    protected static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    /** @return a new handler under test */
    protected abstract SipRequestHandler handler();

    /** @return a request the handler accepts (expected to get a 2xx) */
    protected abstract TestSipRequest acceptedRequest();

    /** @return the method the handler is registered for */
    protected String method() {
        return acceptedRequest().method();
    }

    private TestSipRequest.Answer answerOf(SipRequestHandler h, TestSipRequest r) throws Exception {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> h.handle(r), "handle must not block the SIP thread");
        return r.answer().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    public void anAcceptedRequestGetsOneSuccessfulAnswer() throws Exception {
        TestSipRequest r = acceptedRequest();
        TestSipRequest.Answer a = answerOf(handler(), r);
        assertTrue(a.status() >= 200 && a.status() < 300, "a 2xx for the accepted request, not " + a.status());
        assertEquals(1, r.answers().size(), "exactly one answer: " + r.answers());
    }

    @Test
    public void aRequestWithAnUnexpectedBodyGetsAnAnswerNotAnException() throws Exception {
        TestSipRequest r = new TestSipRequest(method(), "alice", "bob").body("application/octet-stream", "\u0000\u0001garbage");
        SipRequestHandler h = handler();
        assertDoesNotThrow(() -> h.handle(r));
        TestSipRequest.Answer a = r.answer().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(a.status() >= 200, "a final answer: " + a.status());
        assertEquals(1, r.answers().size(), "exactly one answer: " + r.answers());
    }

    @Test
    public void aSenderFromAnotherDomainGetsAnAnswer() throws Exception {
        TestSipRequest r = new TestSipRequest(method(), "alice", null).body("text/plain", "hello");
        TestSipRequest.Answer a = answerOf(handler(), r);
        assertTrue(a.status() >= 200, "a final answer: " + a.status());
        assertEquals(1, r.answers().size(), "exactly one answer: " + r.answers());
    }
}
