package org.switchboard.bench;

/** Measurements of one window of the media bench (histograms are shared by all threads). */
final class RtpStats {
    volatile boolean measuring;
    final Histogram delay = new Histogram(); // end-to-end: peer's scheduled send -> arrival here
    final Histogram lateness = new Histogram(); // generator: actual send - scheduled send
    final Histogram jitter = new Histogram(); // RFC 3550 J of every leg, sampled once a second (ms as ns)
    final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder lateSent = new java.util.concurrent.atomic.LongAdder(); // > 40 ms late
    // filled by RtpLeg.collect at the end of the window
    long seqExpected;
    long seqLost;
    long tagExpected;
    long tagLost;
    long silentLegs;
    long deadLegs;

    double seqLossPct() {
        return seqExpected <= 0 ? 100 : 100.0 * seqLost / seqExpected;
    }

    double lateSentPct() {
        long n = sent.sum();
        return n == 0 ? 0 : 100.0 * lateSent.sum() / n;
    }

    double tagLossPct() {
        return tagExpected <= 0 ? 0 : 100.0 * tagLost / tagExpected;
    }
}
