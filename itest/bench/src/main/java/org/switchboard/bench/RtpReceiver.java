package org.switchboard.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Reads the sockets of many legs on one thread (a selector) and hands each datagram to its leg. */
final class RtpReceiver implements Runnable {
    private final Selector selector;
    private final ConcurrentLinkedQueue<RtpLeg> added = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile RtpStats stats;
    private volatile boolean closed;

    RtpReceiver(String name, RtpStats stats) throws IOException {
        this.stats = stats;
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    void stats(RtpStats s) {
        stats = s;
    }

    void add(RtpLeg leg) {
        added.add(leg);
        selector.wakeup();
    }

    @Override
    public void run() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        byte[] b = buf.array();
        while (!closed) {
            try {
                selector.select(100);
                RtpLeg l;
                while ((l = added.poll()) != null) {
                    try {
                        l.channel.register(selector, SelectionKey.OP_READ, l);
                    } catch (ClosedChannelException e) {
                        // closed before it was registered
                    }
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    RtpLeg leg = (RtpLeg) k.attachment();
                    if (!k.isValid() || leg.closed) {
                        k.cancel();
                        continue;
                    }
                    for (int n = 0; n < 16; n++) {
                        buf.clear();
                        int len;
                        try {
                            len = leg.channel.read(buf);
                        } catch (IOException e) { // ICMP port unreachable on a connected socket, or closed
                            continue;
                        }
                        if (len <= 0) {
                            break;
                        }
                        leg.onPacket(b, len, System.nanoTime(), stats);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    System.err.println("rtp receive: " + e);
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing
        }
    }

    void close() {
        closed = true;
        selector.wakeup();
    }
}
