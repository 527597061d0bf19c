package org.switchboard.meetings.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.Bridge;
import org.switchboard.api.media.Conference;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaEngine;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.SignalledLeg;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;
import org.switchboard.testing.FakeOp;

/** Makes {@link FakeConference}s only. */
final class FakeEngine implements MediaEngine {
    final List<FakeConference> conferences = new ArrayList<>();

    /** Records who is in it, muted or not, and what it played to everyone. */
    static final class FakeConference implements Conference {
        final String name;
        final Map<MediaLeg, Boolean> members = new LinkedHashMap<>();
        final List<String> played = new ArrayList<>();
        boolean closed;

        FakeConference(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void add(MediaLeg leg, boolean muted) {
            members.put(leg, muted);
        }

        @Override
        public void remove(MediaLeg leg) {
            members.remove(leg);
        }

        @Override
        public void mute(MediaLeg leg, boolean muted) {
            members.replace(leg, muted);
        }

        @Override
        public List<String> participants() {
            return members.keySet().stream().map(MediaLeg::id).toList();
        }

        @Override
        public MediaOperation<PlayResult> play(List<AudioRef> prompts) {
            prompts.forEach(p -> played.add(((AudioRef.File) p).path().getFileName().toString().replace(".wav", "")));
            return FakeOp.done(new PlayResult(PlayResult.End.COMPLETED, (char) 0));
        }

        @Override
        public void close() {
            closed = true;
            members.clear();
        }
    }

    @Override
    public Conference conference(String name) {
        FakeConference c = new FakeConference(name);
        conferences.add(c);
        return c;
    }

    @Override
    public SignalledLeg answer(String offerSdp, LegOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignalledLeg offer(LegOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bridge bridge(MediaLeg a, MediaLeg b) {
        throw new UnsupportedOperationException();
    }
}
