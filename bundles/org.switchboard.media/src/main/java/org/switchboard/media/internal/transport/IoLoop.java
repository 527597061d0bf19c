package org.switchboard.media.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One I/O thread: a selector over many legs' sockets, reading into one reused buffer. */
final class IoLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);

    private final Selector selector;
    private final ConcurrentLinkedQueue<Object[]> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(2048);
    private final Thread thread;
    private volatile boolean running = true;

    IoLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    void register(DatagramChannel channel, Receiver receiver) {
        pending.add(new Object[] {channel, receiver});
        selector.wakeup();
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select(1000);
                registerPending();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isReadable()) {
                        drain((DatagramChannel) key.channel(), (Receiver) key.attachment());
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("media I/O loop: {}", e.toString(), e);
            }
        }
    }

    private void drain(DatagramChannel channel, Receiver receiver) {
        for (int i = 0; i < 64; i++) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                return; // ICMP port unreachable from a vanished peer, or the leg closed the socket
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            try {
                receiver.receive(buffer, from);
            } catch (RuntimeException e) {
                LOG.warn("dropped a datagram from {}: {}", from, e.toString(), e);
            }
        }
    }

    private void registerPending() throws IOException {
        Object[] p;
        while ((p = pending.poll()) != null) {
            DatagramChannel c = (DatagramChannel) p[0];
            if (c.isOpen()) {
                c.register(selector, SelectionKey.OP_READ, p[1]);
            }
        }
    }

    void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to do at shutdown
        }
    }
}
