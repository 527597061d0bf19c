package org.switchboard.itest.apps;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.itest.support.SipUser;

/** A baresip (from apt) configuration that sends a long 440 Hz tone from a WAV file, G.711 only. */
final class BaresipEcho {
    private BaresipEcho() {
    }

    static Path config(SipUser user, String host, int sipPort) throws IOException {
        int listenPort = freePortPair();
        Path dir = Files.createTempDirectory("baresip-" + user.name());
        Path wav = dir.resolve("tone.wav");
        Files.write(wav, tone(440, 60));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user.name() + "@" + host + ":" + sipPort
                + ";transport=udp>;auth_pass=" + user.password() + ";regint=600\n");
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen " + host + ":" + listenPort, "net_interface " + host,
                "audio_source aufile," + wav,
                "module_path /usr/lib/baresip/modules", "module g711.so", "module aufile.so",
                "module account.so", "module menu.so", ""));
        return dir;
    }

    private static byte[] tone(double hz, int seconds) {
        int samples = 8000 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (6000 * Math.sin(2 * Math.PI * hz * i / 8000.0)));
        }
        return b.array();
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
}
