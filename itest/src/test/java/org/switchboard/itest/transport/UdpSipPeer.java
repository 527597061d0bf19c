package org.switchboard.itest.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.switchboard.itest.support.SipMessage;

/**
 * A raw SIP endpoint on a UDP socket of 127.0.0.1: it sends hand-written messages to the
 * platform and keeps every message that comes back, so a test can play a caller outside the
 * platform's domains or a second device of a callee.
 */
final class UdpSipPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final List<SipMessage> seen = new ArrayList<>();
    private final Thread reader;

    UdpSipPeer(int serverPort) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        reader = new Thread(this::read, "udp-sip-peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return a Contact URI that reaches this socket */
    String contact(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    void send(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a message that matches (one already received counts) and returns it. */
    synchronized SipMessage await(Predicate<SipMessage> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SipMessage m : seen) {
                if (match.test(m)) {
                    return m;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout + "; received: " + seen);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** @return whether a message that matches has come */
    synchronized boolean saw(Predicate<SipMessage> match) {
        return seen.stream().anyMatch(match);
    }

    /** @return an INVITE without a body from sip:caller@example.net (not challenged: outside our domains) */
    String invite(String target, String callId) {
        return "INVITE " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";rport;branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@example.net>;tag=" + UUID.randomUUID().toString().substring(0, 8) + "\r\n"
                + "To: <" + target + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <" + contact("caller") + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** @return the ACK for a final failure to an INVITE this peer sent (same branch, RFC 3261 17.1.1.3) */
    static String ackFor(SipMessage invite, SipMessage failure) {
        return "ACK " + invite.requestUri() + " SIP/2.0\r\n"
                + "Via: " + invite.header("via").orElseThrow() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + invite.header("from").orElseThrow() + "\r\n"
                + "To: " + failure.header("to").orElseThrow() + "\r\n"
                + "Call-ID: " + invite.header("call-id").orElseThrow() + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private void read() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            SipMessage m = SipMessage.parse(new String(packet.getData(), 0, packet.getLength(), ISO_8859_1));
            synchronized (this) {
                seen.add(m);
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
