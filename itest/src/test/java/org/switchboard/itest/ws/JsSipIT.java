package org.switchboard.itest.ws;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * JsSIP 3, the SIP library of browser softphones, run in Node (itest/jssip, installed by
 * {@code npm ci} in .ci/run): two user agents register over WS and over WSS with digest
 * auth, and a MESSAGE goes from one to the other. JsSIP aborts on a 401 that holds any
 * non-MD5 challenge, so this also guards the MD5-only rule for its User-Agent.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JsSipIT extends SwitchboardTestSupport {

    private void registerAndMessage(String url) {
        Path dir = Path.of(System.getProperty("itest.jssip.dir", ""));
        assertTrue("JsSIP is installed in " + dir + " (npm ci --prefix itest/jssip)",
                Files.isDirectory(dir.resolve("node_modules/jssip")));
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        ExternalProcess.Result r = ExternalProcess.run(Duration.ofSeconds(30), "node",
                dir.resolve("register-message.js").toString(), url, HOST, alice.name(), alice.password(),
                bob.name(), bob.password());
        assertEquals("JsSIP registered both users and delivered the MESSAGE:\n" + r, 0, r.exitCode());
        assertTrue(r.toString(), r.output().contains("RECEIVED hello from JsSIP"));
    }

    @Test
    public void jssipRegistersAndMessagesOverWebSocket() {
        registerAndMessage("ws://" + HOST + ":" + wsPort());
    }

    @Test
    public void jssipRegistersAndMessagesOverSecureWebSocket() {
        registerAndMessage("wss://" + HOST + ":" + wssPort());
    }
}
