package org.switchboard.media.internal.jitter;

/** Counters of a jitter buffer; a copy, safe to read anywhere. */
public final class JitterStats {
    public long received;
    public long played;
    public long lost;
    public long late;
    public long duplicates;
    public long underruns;
    public long shrinks;
    public long resets;
    public double jitterMillis;
    public int targetMillis;
    public int depthFrames;

    @Override
    public String toString() {
        return "received " + received + ", played " + played + ", lost " + lost + ", late " + late + ", duplicates "
                + duplicates + ", underruns " + underruns + ", shrinks " + shrinks + ", resets " + resets + ", jitter "
                + String.format(java.util.Locale.ROOT, "%.1f", jitterMillis) + " ms, target " + targetMillis + " ms";
    }

    JitterStats copy() {
        JitterStats c = new JitterStats();
        c.received = received;
        c.played = played;
        c.lost = lost;
        c.late = late;
        c.duplicates = duplicates;
        c.underruns = underruns;
        c.shrinks = shrinks;
        c.resets = resets;
        return c;
    }
}
