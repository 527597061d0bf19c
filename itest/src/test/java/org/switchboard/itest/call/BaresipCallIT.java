package org.switchboard.itest.call;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.Baresip;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * baresip 1.0 from Debian (libre) as both phones: it registers (it fails on a 401 that holds a
 * challenge it cannot compute, so the platform challenges it with MD5 alone), calls through the
 * proxy with proxy authentication, the callee answers automatically and RTP flows both ways.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BaresipCallIT extends SwitchboardTestSupport {

    private static final Duration CALL = Duration.ofSeconds(20);

    @Test
    public void baresipRegistersAndCallsBaresipThroughTheProxy() throws IOException {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        Path wav = Baresip.tone(Files.createTempFile("tone", ".wav"), 440, Duration.ofSeconds(2), 8000);

        ExternalProcess callee = startProcess("baresip-bob", "baresip", "-f",
                Baresip.config(bob, HOST, sipPort(), wav, true).toString(), "-t", "40");
        callee.awaitLine(SIP_TIMEOUT, l -> l.contains(bob.name() + "@") && l.contains("200 OK"));

        ExternalProcess caller = startProcess("baresip-alice", "baresip", "-f",
                Baresip.config(alice, HOST, sipPort(), wav, true).toString(), "-t", "40",
                "-e", "/dial sip:" + bob.name() + "@" + HOST + ":" + sipPort());
        caller.awaitLine(CALL, l -> l.contains("Call established"));
        callee.awaitLine(CALL, l -> l.contains("Call established"));
        caller.awaitLine(CALL, l -> l.contains("incoming rtp for 'audio' established"));
        callee.awaitLine(CALL, l -> l.contains("incoming rtp for 'audio' established"));

        Awaitility.await("sip:calls shows the answered call").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> executeCommand("sip:calls").contains("ANSWERED"));
        assertTrue(executeCommand("sip:calls").contains(bob.name() + "@"));
    }
}
