package org.switchboard.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The RTP threads of the bench: a few sender wheels and receiver selectors shared by all legs. */
final class MediaIo implements AutoCloseable {
    final boolean srtp;
    private final RtpSender[] senders;
    private final RtpReceiver[] receivers;
    private final AtomicInteger next = new AtomicInteger();
    volatile RtpStats stats = new RtpStats();

    MediaIo(boolean srtp, int senderThreads, int receiverThreads) throws IOException {
        this.srtp = srtp;
        senders = new RtpSender[senderThreads];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new RtpSender("rtp-tx-" + i, stats);
        }
        receivers = new RtpReceiver[receiverThreads];
        for (int i = 0; i < receivers.length; i++) {
            receivers[i] = new RtpReceiver("rtp-rx-" + i, stats);
        }
    }

    /** Starts sending and receiving on a connected leg. */
    void start(RtpLeg leg) {
        int n = next.getAndIncrement();
        receivers[Math.floorMod(n, receivers.length)].add(leg);
        senders[Math.floorMod(n, senders.length)].add(leg);
    }

    void stats(RtpStats s) {
        stats = s;
        for (RtpSender t : senders) {
            t.stats(s);
        }
        for (RtpReceiver r : receivers) {
            r.stats(s);
        }
    }

    @Override
    public void close() {
        for (RtpSender t : senders) {
            t.close();
        }
        for (RtpReceiver r : receivers) {
            r.close();
        }
    }
}
