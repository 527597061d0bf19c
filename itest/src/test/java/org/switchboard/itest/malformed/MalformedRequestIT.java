package org.switchboard.itest.malformed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/** Hand-written malformed requests over UDP get 400 Bad Request, and the platform keeps serving. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MalformedRequestIT extends SwitchboardTestSupport {

    private static final Duration ANSWER = Duration.ofSeconds(5);

    private static String options(int localPort, String cseq, boolean withCallId) {
        return UdpProbe.options(localPort, cseq, withCallId);
    }

    /** Sends the request built for the probe's port, expects 400, then an answered OPTIONS. */
    private void assertBadRequestThenStillServing(IntFunction<String> requestForPort) {
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            String request = requestForPort.apply(probe.port());
            probe.send(request);
            List<SipMessage> answers = probe.receiveUntilFinal(ANSWER);
            assertFalse("an answer to:\n" + request, answers.isEmpty());
            SipMessage last = answers.get(answers.size() - 1);
            assertEquals("400 for:\n" + request + "\ngot " + last.startLine(), 400, last.status());

            assertNotNull("OPTIONS is still answered after the malformed request", probe.options(ANSWER));
        }
    }

    @Test
    public void garbageInCSeqGets400() {
        assertBadRequestThenStillServing(port -> options(port, "x7!z OPTIONS", true));
    }

    @Test
    public void missingCallIdGets400() {
        assertBadRequestThenStillServing(port -> options(port, "1 OPTIONS", false));
    }

    /** Over TCP too (the RI's stream parser would drop it silently), on the same connection. */
    @Test
    public void malformedRequestLineOverTcpGets400OnTheSameConnection() throws Exception {
        try (java.net.Socket s = new java.net.Socket(HOST, sipPort())) {
            s.setSoTimeout((int) ANSWER.toMillis());
            String id = UUID.randomUUID().toString();
            String request = "OPTIONS <sip:" + HOST + ":" + sipPort() + ";transport=tcp> SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP " + HOST + ":" + s.getLocalPort() + ";branch=z9hG4bK" + id + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@itest.invalid>;tag=1\r\nTo: <sip:" + HOST + ">\r\n"
                    + "Call-ID: " + id + "@itest\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            String status = in.readLine();
            assertNotNull("an answer over TCP", status);
            assertEquals("SIP/2.0 400", status.substring(0, 11));
        }
    }
}
