package org.switchboard.meetings.internal;

import java.time.Instant;
import org.switchboard.api.app.ApplicationCall;

/** One caller in a room. Muted is changed under the room's lock and read by the commands. */
public final class Participant {
    private final ApplicationCall call;
    private final Instant joined;
    private volatile boolean muted;

    Participant(ApplicationCall call, Instant joined, boolean muted) {
        this.call = call;
        this.joined = joined;
        this.muted = muted;
    }

    ApplicationCall call() {
        return call;
    }

    public String id() {
        return call.id();
    }

    /** @return "Name &lt;uri&gt;", or the URI alone */
    public String who() {
        String name = call.callerName();
        return name == null || name.isBlank() ? call.caller() : name + " <" + call.caller() + ">";
    }

    public Instant joined() {
        return joined;
    }

    public boolean muted() {
        return muted;
    }

    void muted(boolean m) {
        this.muted = m;
    }
}
