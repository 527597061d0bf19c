package org.switchboard.media.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ArrayBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One I/O thread: a selector over many legs' sockets, reading into one reused buffer. */
final class IoLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);

    private final Selector selector;
    /** Sockets to register, taken on the next wake-up; bounded (a leg that does not fit fails to open). */
    private final ArrayBlockingQueue<Object[]> pending = new ArrayBlockingQueue<>(4096);
    private final ByteBuffer buffer = ByteBuffer.allocate(2048);
    private final Thread thread;
    /** Ready keys are handed over one by one: the selected-key set would allocate a node per ready socket. */
    private final java.util.function.Consumer<SelectionKey> onReady = this::ready;
    private volatile boolean running = true;

    IoLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    void register(DatagramChannel channel, Receiver receiver) {
        if (!pending.offer(new Object[] {channel, receiver})) {
            throw new IllegalStateException(thread.getName() + " has 4096 sockets waiting to be registered");
        }
        selector.wakeup();
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select(onReady, 1000);
                registerPending();
            } catch (ClosedSelectorException e) {
                return;
            } catch (Throwable t) { // NOPMD: the loop reads every leg's media; it must not end quietly
                LOG.error("media I/O loop {}: {}", thread.getName(), t.toString(), t);
            }
        }
    }

    private void ready(SelectionKey key) {
        if (key.isValid() && key.isReadable()) {
            drain((DatagramChannel) key.channel(), (Receiver) key.attachment());
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
            } catch (Throwable t) { // NOPMD: one bad datagram or leg must not stop the loop
                LOG.error("dropped a datagram from {}: {}", from, t.toString(), t);
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
