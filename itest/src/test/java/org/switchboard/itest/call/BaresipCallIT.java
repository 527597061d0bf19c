package org.switchboard.itest.call;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * baresip 1.0 from Debian (libre) as both phones: it registers (it fails on a 401 that holds a
 * challenge it cannot compute, so the platform challenges it with MD5 alone), calls through the
 * proxy with proxy authentication, the callee answers automatically and RTP flows both ways.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BaresipCallIT extends SwitchboardTestSupport {

    private static final Duration CALL = Duration.ofSeconds(20);

    /** baresip binds the SIP port for UDP and TCP and the next one for TLS: both must be free. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (DatagramSocket u = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                p = u.getLocalPort();
            }
            if (p < 65000 && free(p) && free(p + 1)) {
                return p;
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket t = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                DatagramSocket u = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Two seconds of a 440 Hz tone, 8 kHz 16-bit mono, for baresip's file audio source. */
    private static Path tone(Path dir) throws IOException {
        int samples = 16000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        Path wav = dir.resolve("tone.wav");
        Files.write(wav, b.array());
        return wav;
    }

    private Path phone(SipUser user, int port, Path wav) throws IOException {
        Path dir = Files.createTempDirectory("baresip-" + user.name());
        Files.writeString(dir.resolve("accounts"), "<sip:" + user.name() + "@" + HOST + ":" + sipPort()
                + ";transport=udp>;auth_pass=" + user.password() + ";regint=600;answermode=auto\n");
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen " + HOST + ":" + port, "net_interface " + HOST,
                "audio_player aufile," + dir.resolve("heard.wav"), "audio_source aufile," + wav,
                "module_path /usr/lib/baresip/modules", "module g711.so", "module aufile.so",
                "module account.so", "module menu.so", ""));
        return dir;
    }

    @Test
    public void baresipRegistersAndCallsBaresipThroughTheProxy() throws IOException {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        Path wav = tone(Files.createTempDirectory("tone"));

        ExternalProcess callee = startProcess("baresip-bob", "baresip", "-f", phone(bob, freePortPair(), wav).toString(),
                "-t", "40");
        callee.awaitLine(SIP_TIMEOUT, l -> l.contains(bob.name() + "@") && l.contains("200 OK"));

        ExternalProcess caller = startProcess("baresip-alice", "baresip", "-f",
                phone(alice, freePortPair(), wav).toString(), "-t", "40",
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
