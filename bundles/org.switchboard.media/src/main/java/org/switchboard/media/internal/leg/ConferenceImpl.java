package org.switchboard.media.internal.leg;

import java.util.List;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.Conference;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;

/** An N-party conference over a {@link Mixer}: the room and all its legs tick on one shard. */
public final class ConferenceImpl implements Conference {
    private final String name;
    private final Mixer mixer;
    private final PromptLoader loader;

    public ConferenceImpl(String name, MediaClock clock, PromptLoader loader) {
        this.name = name;
        this.mixer = new Mixer(clock);
        this.loader = new PromptLoader(clock, loader.blocking(), loader.blobs()); // prompts start on the room's shard
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void add(MediaLeg leg, boolean muted) {
        mixer.add((Leg) leg, muted);
    }

    @Override
    public void remove(MediaLeg leg) {
        mixer.remove((Leg) leg);
    }

    @Override
    public void mute(MediaLeg leg, boolean muted) {
        mixer.mute((Leg) leg, muted);
    }

    @Override
    public List<String> participants() {
        return mixer.ids();
    }

    @Override
    public MediaOperation<PlayResult> play(List<AudioRef> prompts) {
        Playback p = new Playback(loader.clock(), false, () -> { });
        loader.load(prompts, p, () -> mixer.prompt(p));
        return p;
    }

    @Override
    public void close() {
        mixer.close();
    }
}
