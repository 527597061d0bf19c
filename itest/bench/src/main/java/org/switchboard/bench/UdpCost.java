package org.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code udpcost}: what one RTP datagram costs this JVM on loopback, the floor under any media figure.
 * One thread sends 172-byte datagrams (an RTP G.711 frame) from {@code --count} sockets round robin,
 * paced at {@code --rate} per second, another receives them with a selector; the CPU time of each
 * thread (user + system, ThreadMXBean) divided by the datagrams gives microseconds per send and per
 * receive. A bridged call costs the server 4 of each per 20 ms (2 legs, each way) = 100 sends and 100
 * receives per second.
 */
final class UdpCost {
    private UdpCost() {
    }

    static int run(Options o) throws Exception {
        int sockets = Math.max(1, Math.min(o.count, 2000));
        long seconds = Math.max(1, o.durationMs / 1000);
        double rate = o.rate;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        DatagramChannel[] tx = new DatagramChannel[sockets];
        DatagramChannel[] rx = new DatagramChannel[sockets];
        java.nio.channels.Selector sel = java.nio.channels.Selector.open();
        for (int i = 0; i < sockets; i++) {
            rx[i] = DatagramChannel.open(StandardProtocolFamily.INET);
            rx[i].setOption(StandardSocketOptions.SO_RCVBUF, 256 << 10);
            rx[i].bind(new InetSocketAddress("127.0.0.1", 0));
            rx[i].configureBlocking(false);
            rx[i].register(sel, java.nio.channels.SelectionKey.OP_READ);
            tx[i] = DatagramChannel.open(StandardProtocolFamily.INET);
            tx[i].bind(new InetSocketAddress("127.0.0.1", 0));
            tx[i].connect(rx[i].getLocalAddress());
        }
        AtomicLong received = new AtomicLong();
        AtomicLong rxCpu = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread r = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocate(2048);
            long c0 = mx.getCurrentThreadCpuTime();
            try {
                while (System.nanoTime() - end < 500_000_000L) {
                    sel.select(50);
                    for (var k : sel.selectedKeys()) {
                        DatagramChannel ch = (DatagramChannel) k.channel();
                        while (true) {
                            b.clear();
                            if (ch.receive(b) == null) {
                                break;
                            }
                            received.incrementAndGet();
                        }
                    }
                    sel.selectedKeys().clear();
                }
            } catch (Exception e) {
                System.err.println(e);
            }
            rxCpu.set(mx.getCurrentThreadCpuTime() - c0);
        }, "udpcost-rx");
        r.start();
        ByteBuffer frame = ByteBuffer.allocate(172);
        long c0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sent = 0;
        long interval = (long) (1e9 / rate);
        while (System.nanoTime() - end < 0) {
            long due = start + sent * interval;
            long now = System.nanoTime();
            if (due - now > 50_000) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            frame.clear();
            tx[(int) (sent % sockets)].write(frame);
            sent++;
        }
        long txCpu = mx.getCurrentThreadCpuTime() - c0;
        r.join();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "udpcost: %d sockets, %d datagrams of 172 bytes in %.1f s (%.0f/s), %d received%n",
                sockets, sent, secs, sent / secs, received.get());
        System.out.printf(Locale.ROOT, "  send    %.2f us CPU per datagram (%.2f cores)%n", txCpu / 1e3 / sent, txCpu / 1e9 / secs);
        System.out.printf(Locale.ROOT, "  receive %.2f us CPU per datagram (%.2f cores)%n",
                rxCpu.get() / 1e3 / Math.max(1, received.get()), rxCpu.get() / 1e9 / secs);
        System.out.printf(Locale.ROOT, "RESULT mode=udpcost rate=%.0f send_us=%.2f receive_us=%.2f lost=%d%n", sent / secs,
                txCpu / 1e3 / sent, rxCpu.get() / 1e3 / Math.max(1, received.get()), sent - received.get());
        for (int i = 0; i < sockets; i++) {
            tx[i].close();
            rx[i].close();
        }
        return 0;
    }
}
