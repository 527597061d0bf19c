package org.switchboard.media.internal.leg;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.media.MediaException;

/**
 * Mixes N legs on its clock shard: each hears the sum of the others (not itself), clipped
 * to 16 bits, plus any prompt played to everyone. Two legs make a bridge. A leg moves to the
 * mixer's shard before it takes part, so the packet path never crosses threads or takes a lock.
 */
public final class Mixer implements MediaClock.Mix {
    private static final class Participant {
        final Leg leg;
        boolean muted;

        Participant(Leg leg, boolean muted) {
            this.leg = leg;
            this.muted = muted;
        }
    }

    private final MediaClock clock;
    private final List<Participant> participants = new ArrayList<>();
    private final int[] sum = new int[160];
    private final short[] tone = new short[160];
    private volatile List<String> ids = List.of();
    private volatile boolean closed;
    private Playback prompt;

    public Mixer(MediaClock clock) {
        this.clock = clock;
        clock.load(1);
        clock.add(this);
    }

    /** @return the shard this mixer (and every leg in it) ticks on */
    public MediaClock clock() {
        return clock;
    }

    public static short clip(int v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    /** @throws MediaException 409 if the leg is already mixed elsewhere */
    public void add(Leg leg, boolean muted) {
        leg.join(this);
        leg.clock().moveTo(clock, leg, () -> {
            participants.add(new Participant(leg, muted));
            refreshIds();
        });
    }

    public void remove(Leg leg) {
        clock.execute(() -> {
            participants.removeIf(p -> p.leg == leg);
            leg.leave(this);
            refreshIds();
        });
    }

    public void mute(Leg leg, boolean muted) {
        clock.execute(() -> participants.stream().filter(p -> p.leg == leg).forEach(p -> p.muted = muted));
    }

    public List<String> ids() {
        return ids;
    }

    void prompt(Playback p) {
        if (prompt != null) {
            prompt.stopped();
        }
        prompt = p;
    }

    public void close() {
        closed = true;
        clock.execute(() -> {
            participants.forEach(p -> p.leg.leave(this));
            participants.clear();
            refreshIds();
        });
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public boolean mix(long now) {
        if (participants.removeIf(p -> p.leg.ended())) {
            refreshIds();
        }
        if (closed && participants.isEmpty()) {
            clock.load(-1);
            return false;
        }
        java.util.Arrays.fill(sum, 0);
        for (int k = 0; k < participants.size(); k++) { // indexed: no iterator per tick
            Participant p = participants.get(k);
            if (!p.muted && p.leg.hasReceived()) {
                short[] rx = p.leg.received();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += rx[i];
                }
            }
        }
        short[] tone = null;
        if (prompt != null) {
            tone = this.tone;
            if (!prompt.read(tone, false)) {
                prompt = null;
                tone = null;
            }
        }
        for (int k = 0; k < participants.size(); k++) {
            Participant p = participants.get(k);
            short[] out = p.leg.mixOut();
            boolean own = !p.muted && p.leg.hasReceived();
            short[] rx = p.leg.received();
            for (int i = 0; i < out.length; i++) {
                int v = sum[i] - (own ? rx[i] : 0) + (tone == null ? 0 : tone[i]);
                out[i] = clip(v);
            }
        }
        return true;
    }

    private void refreshIds() {
        ids = participants.stream().map(p -> p.leg.id()).toList();
    }
}
