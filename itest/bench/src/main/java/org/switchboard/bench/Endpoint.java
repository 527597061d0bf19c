package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/** One UDP socket on 127.0.0.1 with a receiver thread that hands parsed messages to a handler. */
final class Endpoint implements AutoCloseable {
    interface Handler {
        void onMessage(SipMessage m, Endpoint ep, InetSocketAddress from);
    }

    /** Set BENCH_TRACE=1 to print every message sent and received (debugging only: slow). */
    private static final boolean TRACE = System.getenv("BENCH_TRACE") != null;
    final DatagramChannel channel;
    final int port;
    final String hostPort;
    private final Thread receiver;
    final LongAdder sendErrors = new LongAdder();
    final LongAdder refused = new LongAdder();

    Endpoint(String name, Handler handler) throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        hostPort = "127.0.0.1:" + port;
        receiver = new Thread(() -> receiveLoop(handler), name);
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receiveLoop(Handler handler) {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        byte[] bytes = new byte[65536];
        while (channel.isOpen()) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                buf.flip();
                int len = buf.remaining();
                buf.get(bytes, 0, len);
                if (TRACE) {
                    System.out.printf("<<< from %s%n%s%n", from, new String(bytes, 0, len, StandardCharsets.UTF_8));
                }
                SipMessage m = SipMessage.parse(bytes, len);
                if (m != null) {
                    handler.onMessage(m, this, from);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!channel.isOpen()) {
                    return;
                }
                System.err.println("receive: " + e); // a malformed message must not kill the receiver
            }
        }
    }

    /** Sends a message; refuses anything that is not a loopback address (the bench is loopback only). */
    void send(String text, InetSocketAddress to) {
        if (to == null || to.getAddress() == null || !to.getAddress().isLoopbackAddress()) {
            refused.increment();
            return;
        }
        if (TRACE) {
            System.out.printf(">>> to %s%n%s%n", to, text);
        }
        try {
            channel.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), to);
        } catch (IOException e) {
            sendErrors.increment();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
