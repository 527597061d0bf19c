package org.switchboard.api.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One call in a user's history.
 *
 * @param id the store's id of the entry, 0 before it is stored
 * @param direction whether the user placed or received the call
 * @param peer the other party's URI, e.g. {@code sip:bob@example.com}
 * @param peerName the other party's display name, may be empty
 * @param video whether the call had video
 * @param startedAt when the call was placed or started ringing
 * @param answeredAt when it was answered, {@code null} if it never was
 * @param endedAt when it ended
 * @param outcome how it ended
 * @param reason the SIP reason, e.g. {@code 486 Busy Here}, may be empty
 */
public record CallRecord(long id, Direction direction, String peer, String peerName, boolean video,
        Instant startedAt, Instant answeredAt, Instant endedAt, Outcome outcome, String reason) {

    /** The longest peer URI, display name or reason kept. */
    public static final int MAX_TEXT = 256;

    /** Whether the user placed or received the call. */
    public enum Direction {
        /** The user placed the call. */
        OUTGOING,
        /** The user received the call. */
        INCOMING
    }

    /** How a call ended. */
    public enum Outcome {
        /** It was answered. */
        ANSWERED,
        /** An incoming call that nobody answered. */
        MISSED,
        /** The callee declined it. */
        REJECTED,
        /** The caller gave up before an answer. */
        CANCELLED,
        /** The callee was busy. */
        BUSY,
        /** It failed for another reason (see the reason). */
        FAILED
    }

    /** Checks the fields and replaces {@code null} texts by empty strings. */
    public CallRecord {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (peer.isBlank() || peer.length() > MAX_TEXT) {
            throw new IllegalArgumentException("peer must be a URI of 1-" + MAX_TEXT + " characters");
        }
        peerName = peerName == null ? "" : peerName;
        reason = reason == null ? "" : reason;
        if (peerName.length() > MAX_TEXT || reason.length() > MAX_TEXT) {
            throw new IllegalArgumentException("peerName and reason are limited to " + MAX_TEXT + " characters");
        }
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt is before startedAt");
        }
        if (answeredAt != null && (answeredAt.isBefore(startedAt) || answeredAt.isAfter(endedAt))) {
            throw new IllegalArgumentException("answeredAt must lie between startedAt and endedAt");
        }
    }

    /**
     * @param newId the id the store gave the entry
     * @return this call with that id
     */
    public CallRecord withId(long newId) {
        return new CallRecord(newId, direction, peer, peerName, video, startedAt, answeredAt, endedAt, outcome, reason);
    }
}
