package org.switchboard.sip.internal.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The calls in progress through the proxy, for {@code sip:calls}. */
public final class CallRegistry {
    /** A call's state as the proxy sees it. */
    public enum State { TRYING, RINGING, ANSWERED }

    /**
     * A call.
     *
     * @param callId the Call-ID
     * @param from the caller's address
     * @param to the callee's address
     * @param state its state
     * @param started when the INVITE came
     * @param answered when it was answered, or null
     */
    public record Call(String callId, String from, String to, State state, Instant started, Instant answered) {
    }

    private static final Duration MAX_AGE = Duration.ofHours(12);
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    public CallRegistry(Clock clock) {
        this.clock = clock;
    }

    public void started(String callId, String from, String to) {
        calls.putIfAbsent(callId, new Call(callId, from, to, State.TRYING, clock.instant(), null));
    }

    public void ringing(String callId) {
        calls.computeIfPresent(callId, (k, c) -> c.state == State.TRYING
                ? new Call(k, c.from, c.to, State.RINGING, c.started, null) : c);
    }

    public void answered(String callId) {
        calls.computeIfPresent(callId, (k, c) -> c.state != State.ANSWERED
                ? new Call(k, c.from, c.to, State.ANSWERED, c.started, clock.instant()) : c);
    }

    public void ended(String callId) {
        calls.remove(callId);
    }

    /** Removes a call that never got an answer. */
    public void failed(String callId) {
        calls.computeIfPresent(callId, (k, c) -> c.state == State.ANSWERED ? c : null);
    }

    /** @return the calls, oldest first; calls older than 12 h (lost BYE) are dropped */
    public List<Call> list() {
        Instant cutoff = clock.instant().minus(MAX_AGE);
        calls.values().removeIf(c -> c.started.isBefore(cutoff));
        List<Call> out = new ArrayList<>(calls.values());
        out.sort(Comparator.comparing(Call::started));
        return out;
    }
}
