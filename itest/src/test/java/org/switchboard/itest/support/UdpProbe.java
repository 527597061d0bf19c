package org.switchboard.itest.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A raw UDP socket that sends hand-made datagrams to the server and collects what comes back:
 * no SIP stack in between, so malformed bytes reach the server exactly as written.
 */
public final class UdpProbe implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    /**
     * @param serverPort the server's SIP UDP port on 127.0.0.1
     */
    public UdpProbe(int serverPort) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    /** @return the local port, to write into a Via */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * @param bytes one datagram
     */
    public void send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param text a datagram as text (UTF-8) */
    public void send(String text) {
        send(text.getBytes(UTF_8));
    }

    /**
     * Collects datagrams until a final response arrives or the time is up. A bounded blocking
     * receive, not a sleep: it returns as soon as the answer is there.
     *
     * @param within how long to wait in total
     * @return every response received, provisional ones included, in order
     */
    public List<SipMessage> receiveUntilFinal(Duration within) {
        List<SipMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buffer = new byte[65535];
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return received;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                SipMessage message = SipMessage.parse(new String(packet.getData(), 0, packet.getLength(), ISO_8859_1));
                received.add(message);
                if (message.isResponse() && message.status() >= 200) {
                    return received;
                }
            }
        } catch (SocketTimeoutException timeUp) {
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends an OPTIONS to the server itself and returns the final response.
     *
     * @param within how long to wait
     * @return the final response, or null if none came
     */
    public SipMessage options(Duration within) {
        send(options(port()));
        return receiveUntilFinal(within).stream().filter(m -> m.isResponse() && m.status() >= 200)
                .findFirst().orElse(null);
    }

    /**
     * @param localPort the port responses must come back to
     * @return a well-formed out-of-dialog OPTIONS for the server itself
     */
    public static String options(int localPort) {
        return options(localPort, "1 OPTIONS", true);
    }

    /**
     * @param localPort the port responses must come back to
     * @param cseq the CSeq value, well-formed or not
     * @param withCallId false to leave the mandatory Call-ID out
     * @return an out-of-dialog OPTIONS for the server itself
     */
    public static String options(int localPort, String cseq, boolean withCallId) {
        String id = UUID.randomUUID().toString();
        return "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@itest.invalid>;tag=" + id.substring(0, 8) + "\r\n"
                + "To: <sip:127.0.0.1>\r\n"
                + (withCallId ? "Call-ID: " + id + "@itest\r\n" : "")
                + "CSeq: " + cseq + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Override
    public void close() {
        socket.close();
    }
}
