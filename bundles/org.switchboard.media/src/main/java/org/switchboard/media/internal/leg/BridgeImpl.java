package org.switchboard.media.internal.leg;

import org.switchboard.api.media.Bridge;
import org.switchboard.api.media.MediaLeg;

/**
 * Two legs in a two-party {@link Mixer}: each hears exactly the other. The mixer runs on the
 * lighter of the two legs' shards, and the other leg moves there.
 */
public final class BridgeImpl implements Bridge {
    private final Leg a;
    private final Leg b;
    private final Mixer mixer;

    public BridgeImpl(Leg a, Leg b) {
        if (a == b) {
            throw new IllegalArgumentException("a leg cannot be bridged to itself; use echo()");
        }
        this.a = a;
        this.b = b;
        this.mixer = new Mixer(Clocks.lighter(a.clock().shard(), b.clock().shard()));
        mixer.add(a, false);
        try {
            mixer.add(b, false);
        } catch (RuntimeException e) {
            mixer.close();
            throw e;
        }
    }

    @Override
    public MediaLeg a() {
        return a;
    }

    @Override
    public MediaLeg b() {
        return b;
    }

    @Override
    public void close() {
        mixer.close();
    }
}
