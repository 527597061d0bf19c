package org.switchboard.bench;

import java.util.Locale;
import java.util.Map;

/** Prints the human summary and one machine-readable RESULT line. */
final class Report {
    private Report() {
    }

    static void header(Options o, String mode, String what) {
        System.out.printf(Locale.ROOT, "== %s: target %.0f/s for %.1f s after %.1f s warmup; %s; cap %d in flight;"
                        + " %d sockets; server %s domain %s%n", mode, o.rate, o.durationMs / 1e3, o.warmupMs / 1e3,
                what, o.concurrency, o.sockets, o.server, o.domain);
    }

    /** Returns the exit code: 0 when failures < max-fail-pct and >= 95 % of the target rate was reached. */
    static int print(Options o, String mode, Runner runner, Stats s, double seconds, String... keys) {
        long started = s.started.sum();
        long ok = s.ok.sum();
        long failed = s.failed.sum();
        long unfinished = Math.max(0, started - ok - failed); // still open after the drain: count as failed
        failed += unfinished;
        double failPct = started == 0 ? 100 : 100.0 * failed / started;
        double achieved = ok / seconds;
        boolean pass = failPct < o.maxFailPct && achieved >= 0.95 * o.rate;
        System.out.printf(Locale.ROOT, "started      %d (warmup %d, %d failed)%n", started, s.warmupStarted.sum(),
                s.warmupFailed.sum());
        System.out.printf(Locale.ROOT, "ok           %d   achieved %.1f/s (target %.0f/s)%n", ok, achieved, o.rate);
        System.out.printf(Locale.ROOT, "failed       %d   (%.3f %%), timeouts (no final answer in %d ms) %d,"
                + " unfinished %d%n", failed, failPct, o.timeoutMs, s.timeouts.sum(), unfinished);
        for (Map.Entry<String, Long> e : s.reasons().entrySet()) {
            System.out.printf(Locale.ROOT, "    %-40s %d%n", e.getKey(), e.getValue());
        }
        System.out.printf(Locale.ROOT, "challenges   %d (incl. warmup)   stray/late/retransmitted answers %d   send errors %d%n",
                s.challenges.sum(), s.stray.sum(), runner.sendProblems());
        long hostDrops = UdpDrops.host() - runner.hostDropsAtStart;
        System.out.printf(Locale.ROOT, "udp drops    full receive buffers on this host during the run %d, on the bench's"
                + " sockets %d (lost datagrams are not retransmitted: they end as timeouts)%n", hostDrops,
                runner.ownDrops());
        System.out.printf(Locale.ROOT, "pacing       waits at cap/no idle user %d, dropped slots %d%n",
                s.capWaits.sum(), s.missedSlots.sum());
        for (Map.Entry<String, Histogram> e : s.latencies().entrySet()) {
            Histogram h = e.getValue();
            System.out.printf(Locale.ROOT, "latency %-30s p50 %8.2f ms  p99 %8.2f ms  p99.9 %8.2f ms  (n=%d)%n",
                    e.getKey(), h.percentileMs(0.5), h.percentileMs(0.99), h.percentileMs(0.999), h.count());
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "RESULT mode=%s target=%.0f achieved=%.1f ok=%d failed=%d fail_pct=%.3f timeouts=%d", mode,
                o.rate, achieved, ok, failed, failPct, s.timeouts.sum()));
        for (String k : keys) {
            Histogram h = s.latency(k);
            String id = k.replaceAll("[^A-Za-z0-9+]+", "_");
            line.append(String.format(Locale.ROOT, " %s_p50_ms=%.2f %s_p99_ms=%.2f", id, h.percentileMs(0.5), id,
                    h.percentileMs(0.99)));
        }
        System.out.println(line.append(" pass=").append(pass));
        return pass ? 0 : 2;
    }
}
