package org.switchboard.sip.internal.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.Topics;

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
    /** Bounds the table: a flood of INVITEs cannot grow it without limit (they get 503 long before). */
    static final int MAX_CALLS = 100_000;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Clock clock;
    private final BiConsumer<String, Map<String, Object>> events;

    public CallRegistry(Clock clock) {
        this(clock, (topic, properties) -> { });
    }

    /** @param events receives the call events ({@link Topics#CALL_ANY}) as they happen */
    public CallRegistry(Clock clock, BiConsumer<String, Map<String, Object>> events) {
        this.clock = clock;
        this.events = events;
    }

    public void started(String callId, String from, String to) {
        if (calls.size() < MAX_CALLS) {
            Call c = new Call(callId, from, to, State.TRYING, clock.instant(), null);
            if (calls.putIfAbsent(callId, c) == null) {
                post(Topics.CALL_STARTED, c, null, 0);
            }
        }
    }

    private void post(String topic, Call c, String reason, int status) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventKeys.CALL_ID, c.callId);
        p.put(EventKeys.FROM, c.from);
        p.put(EventKeys.TO, c.to);
        if (reason != null) {
            p.put(EventKeys.REASON, reason);
        }
        if (status > 0) {
            p.put(EventKeys.STATUS, status);
        }
        events.accept(topic, p);
    }

    /**
     * Writes the answered calls to a file, so that a restart of the SIP bundle still lists the
     * calls that are up (their BYE passes through the proxy later and removes them).
     */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (Call c : calls.values()) {
            if (c.state == State.ANSWERED && c.answered != null) {
                out.append(String.join("\t", c.callId, c.from, c.to, c.started.toString(), c.answered.toString())).append('\n');
            }
        }
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        java.nio.file.Files.writeString(tmp, out);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads what {@link #save} wrote, then removes the file; calls older than 12 h are left out. */
    public void load(java.nio.file.Path file) throws java.io.IOException {
        if (!java.nio.file.Files.exists(file)) {
            return;
        }
        Instant cutoff = clock.instant().minus(MAX_AGE);
        for (String line : java.nio.file.Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length == 5 && calls.size() < MAX_CALLS) {
                Call c = new Call(f[0], f[1], f[2], State.ANSWERED, Instant.parse(f[3]), Instant.parse(f[4]));
                if (c.started.isAfter(cutoff)) {
                    calls.putIfAbsent(c.callId, c);
                }
            }
        }
        java.nio.file.Files.delete(file);
    }

    public void ringing(String callId) {
        Call[] now = new Call[1];
        calls.computeIfPresent(callId, (k, c) -> c.state == State.TRYING
                ? now[0] = new Call(k, c.from, c.to, State.RINGING, c.started, null) : c);
        if (now[0] != null) {
            post(Topics.CALL_RINGING, now[0], null, 0);
        }
    }

    public void answered(String callId) {
        Call[] now = new Call[1];
        calls.computeIfPresent(callId, (k, c) -> c.state != State.ANSWERED
                ? now[0] = new Call(k, c.from, c.to, State.ANSWERED, c.started, clock.instant()) : c);
        if (now[0] != null) {
            post(Topics.CALL_ANSWERED, now[0], null, 0);
        }
    }

    public void ended(String callId) {
        Call c = calls.remove(callId);
        if (c != null) {
            post(Topics.CALL_ENDED, c, c.state == State.ANSWERED ? "bye" : "unanswered", 0);
        }
    }

    /**
     * Removes a call that never got an answer.
     *
     * @param status the final status sent to the caller, 0 if none
     * @param reason {@code unanswered}, or {@code diverted} when a fallback (voicemail) takes the call over
     */
    public void failed(String callId, int status, String reason) {
        Call[] gone = new Call[1];
        calls.computeIfPresent(callId, (k, c) -> {
            if (c.state == State.ANSWERED) {
                return c;
            }
            gone[0] = c;
            return null;
        });
        if (gone[0] != null) {
            post(Topics.CALL_ENDED, gone[0], reason, status);
        }
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
