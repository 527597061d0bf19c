package org.switchboard.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Sends OPTIONS every --interval ms until any SIP response arrives (readiness probe for run.sh). */
final class Ping {
    private Ping() {
    }

    static int run(Options o) throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<String> status = new AtomicReference<>();
        try (Endpoint ep = new Endpoint("ping-rx", (m, e, from) -> {
            if (!m.isRequest() && status.compareAndSet(null, String.valueOf(m.status))) {
                answered.countDown();
            }
        })) {
            long start = System.currentTimeMillis();
            long deadline = System.nanoTime() + o.waitMs * 1_000_000L;
            String callId = "ping-" + Sip.random();
            for (int cseq = 1; System.nanoTime() - deadline < 0; cseq++) {
                StringBuilder sb = new StringBuilder("OPTIONS sip:").append(o.domain).append(" SIP/2.0\r\n");
                Sip.via(sb, ep, Sip.branch()).append("Max-Forwards: 70\r\nFrom: <sip:ping@").append(o.domain)
                        .append(">;tag=").append(Sip.random()).append("\r\nTo: <sip:").append(o.domain)
                        .append(">\r\nCall-ID: ").append(callId).append("\r\nCSeq: ").append(cseq)
                        .append(" OPTIONS\r\nAccept: application/sdp\r\n");
                ep.send(Sip.end(sb, null).toString(), o.serverAddress());
                if (answered.await(o.intervalMs, TimeUnit.MILLISECONDS)) {
                    long now = System.currentTimeMillis();
                    System.out.printf("READY status=%s epoch_ms=%d probe_ms=%d probes=%d%n", status.get(), now,
                            now - start, cseq);
                    return 0;
                }
            }
            System.out.println("NOT-READY no SIP answer within " + o.waitMs + " ms");
            return 1;
        }
    }
}
