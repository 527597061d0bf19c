package org.switchboard.itest.app;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.itest.support.SipUser;

/** A baresip configuration folder for one user: G.711, a tone from a WAV file, auto answer. */
final class BaresipPhone {
    private BaresipPhone() {
    }

    /**
     * @param user the account
     * @param host the platform's address
     * @param sipPort the platform's SIP port
     * @return the folder for {@code baresip -f}
     */
    static Path config(SipUser user, String host, int sipPort) throws IOException {
        Path dir = Files.createTempDirectory("baresip-" + user.name());
        Path wav = tone(dir);
        Files.writeString(dir.resolve("accounts"), "<sip:" + user.name() + "@" + host + ":" + sipPort
                + ";transport=udp>;auth_pass=" + user.password() + ";regint=600;answermode=auto\n");
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen " + host + ":" + freePortPair(), "net_interface " + host,
                "audio_player aufile," + dir.resolve("heard.wav"), "audio_source aufile," + wav,
                "module_path /usr/lib/baresip/modules", "module g711.so", "module aufile.so",
                "module account.so", "module menu.so", ""));
        return dir;
    }

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

    /** Two seconds of a 440 Hz tone, 8 kHz 16-bit mono. */
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
}
