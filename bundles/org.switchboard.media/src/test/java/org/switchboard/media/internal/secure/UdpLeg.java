package org.switchboard.media.internal.secure;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.switchboard.media.internal.transport.DatagramSender;
import org.switchboard.media.internal.transport.PacketSecurity;

/** A loopback UDP socket on a free port whose datagrams go through a PacketSecurity, as the engine would do. */
final class UdpLeg implements AutoCloseable {
    final DatagramSocket socket;
    final BlockingQueue<byte[]> plain = new LinkedBlockingQueue<>();
    private volatile PacketSecurity security;
    private final Thread reader;

    UdpLeg() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "test-udp-" + socket.getLocalPort());
        reader.setDaemon(true);
    }

    DatagramSender sender() {
        return (datagram, to) -> {
            byte[] copy = new byte[datagram.remaining()];
            datagram.duplicate().get(copy);
            try {
                socket.send(new DatagramPacket(copy, copy.length, to));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    UdpLeg start(PacketSecurity s) {
        this.security = s;
        reader.start();
        return this;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            ByteBuffer out = security.inbound(ByteBuffer.wrap(buf, 0, p.getLength()),
                    (InetSocketAddress) p.getSocketAddress());
            if (out != null) {
                byte[] copy = new byte[out.remaining()];
                out.get(copy);
                plain.add(copy);
            }
        }
    }

    void send(byte[] data, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    static byte[] copy(ByteBuffer b) {
        return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    }

    @Override
    public void close() {
        socket.close();
    }
}
