package org.switchboard.itest.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration folders for baresip (from apt, {@code baresip -f <folder>}): one account on the
 * platform over UDP, G.711 only, audio from a WAV file.
 */
public final class Baresip {
    private Baresip() {
    }

    /**
     * @param user the account
     * @param host the platform's address (baresip listens there too)
     * @param sipPort the platform's SIP port
     * @param audioSource the WAV file baresip sends, see {@link #tone}
     * @param autoAnswer whether baresip answers calls by itself; such a phone is also given
     *     {@code heard.wav} in the folder as its audio player (Debian's aufile may ignore it)
     * @return the folder for {@code baresip -f}
     */
    public static Path config(SipUser user, String host, int sipPort, Path audioSource, boolean autoAnswer)
            throws IOException {
        int listenPort = freePortPair();
        Path dir = Files.createTempDirectory("baresip-" + user.name());
        Files.writeString(dir.resolve("accounts"), "<sip:" + user.name() + "@" + host + ":" + sipPort
                + ";transport=udp>;auth_pass=" + user.password() + ";regint=600" + (autoAnswer ? ";answermode=auto" : "")
                + "\n");
        List<String> config = new ArrayList<>(List.of("sip_listen " + host + ":" + listenPort, "net_interface " + host));
        if (autoAnswer) {
            config.add("audio_player aufile," + dir.resolve("heard.wav"));
        }
        config.addAll(List.of("audio_source aufile," + audioSource, "module_path /usr/lib/baresip/modules",
                "module g711.so", "module aufile.so", "module account.so", "module menu.so", ""));
        Files.writeString(dir.resolve("config"), String.join("\n", config));
        return dir;
    }

    /**
     * Writes a sine tone as a WAV file baresip can send: 8 kHz, 16-bit, mono.
     *
     * @param file where
     * @param hz the frequency
     * @param length how long
     * @param amplitude the peak, up to 32767
     * @return {@code file}
     */
    public static Path tone(Path file, double hz, Duration length, int amplitude) throws IOException {
        int samples = (int) (length.toMillis() * 8);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (amplitude * Math.sin(2 * Math.PI * hz * i / 8000.0)));
        }
        Files.write(file, b.array());
        return file;
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
