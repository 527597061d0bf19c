package org.switchboard.itest.register;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * linphonec (liblinphone 5.1 from Debian, belle-sip) registers with digest and accepts the
 * 200 OK: its strict parser once refused our echo of {@code +sip.instance} without the quotes
 * RFC 5626 requires, and then re-registered in a loop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LinphoneRegisterIT extends SwitchboardTestSupport {

    private static final Duration PROCESS_START = Duration.ofSeconds(60);

    @Test
    public void linphoneRegistersAndParsesTheBindingsIn200() throws IOException {
        SipUser bob = createUser("bob");
        Path home = Files.createTempDirectory("linphone");
        Files.createDirectories(home.resolve(".local/share/linphone"));
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path rc = home.resolve("linphonerc");
        Files.writeString(rc, "[sip]\nsip_port=" + port + "\nsip_tcp_port=-1\nsip_tls_port=-1\n");
        ExternalProcess linphone = startProcess("linphonec", "env", "HOME=" + home, "linphonec", "-d", "5", "-c", rc.toString());
        // linphonec reads commands only once it has probed its sound cards, which takes seconds on
        // a loaded machine: wait for it to be ready so the registration gets SIP_TIMEOUT of its own.
        linphone.awaitLine(PROCESS_START, l -> l.contains("video is disabled in linphonec") || l.startsWith("linphonec>"));
        linphone.send("register sip:" + bob.name() + "@" + HOST + " sip:" + HOST + ":" + sipPort() + " " + bob.password());

        try {
            Awaitility.await(bob.name() + " is bound").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> bindings(bob).stream().anyMatch(b -> b.instanceId().contains("urn:uuid:")));
        } catch (RuntimeException e) {
            throw new AssertionError("linphonec did not register: " + linphone.describe(), e);
        }
        linphone.awaitLine(SIP_TIMEOUT, l -> l.contains(";+sip.instance=\"<urn:uuid:") && l.startsWith("Contact:")
                && l.contains("expires="));
        linphone.send("status register");
        linphone.awaitLine(SIP_TIMEOUT, l -> l.contains("registered,") || l.contains("registered=1") || l.contains("identity="));
        assertFalse("belle-sip parsed every header of our answers:\n" + linphone.output(),
                linphone.output().contains("parser error"));
        assertTrue(executeCommand("sip:registrations " + bob.name()).contains("Linphone"));
    }
}
