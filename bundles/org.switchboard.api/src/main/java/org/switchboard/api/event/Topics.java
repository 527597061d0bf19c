package org.switchboard.api.event;

/**
 * The Event Admin topics the platform posts, {@code org/switchboard/<area>/<EVENT>}.
 */
public final class Topics {
    /** Prefix of every platform topic. */
    public static final String PREFIX = "org/switchboard/";

    /**
     * A contact was bound to an address of record (REGISTER). Keys: {@link EventKeys#USER},
     * {@link EventKeys#AOR}, {@link EventKeys#CONTACT}, {@link EventKeys#EXPIRES},
     * {@link EventKeys#TRANSPORT}, {@link EventKeys#SOURCE}, and when known
     * {@link EventKeys#INSTANCE}, {@link EventKeys#REG_ID}, {@link EventKeys#USER_AGENT}.
     */
    public static final String REGISTRATION_ADDED = PREFIX + "registration/ADDED";
    /** A binding was refreshed (same contact registered again). Keys: as {@link #REGISTRATION_ADDED}. */
    public static final String REGISTRATION_REFRESHED = PREFIX + "registration/REFRESHED";
    /**
     * A binding is gone. Keys: as {@link #REGISTRATION_ADDED}, and {@link EventKeys#REASON}:
     * {@code unregistered} (expires 0 or Contact *), {@code expired}, or {@code replaced} (a new
     * flow of the same instance and reg-id, RFC 5626).
     */
    public static final String REGISTRATION_REMOVED = PREFIX + "registration/REMOVED";
    /** Every registration topic, for {@code event.topics}. */
    public static final String REGISTRATION_ANY = PREFIX + "registration/*";

    /**
     * A call entered the proxy (its first INVITE was accepted), or was taken by a call
     * application. Keys: {@link EventKeys#CALL_ID} (the caller's Call-ID, the same on every event
     * of the call), {@link EventKeys#FROM}, {@link EventKeys#TO}; for a call whose media passes
     * through the platform (a call application's), {@link EventKeys#ANCHORED} = true and
     * {@link EventKeys#APPLICATION}: its audio can then be tapped
     * ({@link org.switchboard.api.call.CallTaps}).
     */
    public static final String CALL_STARTED = PREFIX + "call/STARTED";
    /**
     * The callee's device is ringing (the first 180 of the call). Keys: as {@link #CALL_STARTED}.
     *
     * @since 1.1
     */
    public static final String CALL_RINGING = PREFIX + "call/RINGING";
    /** The call was answered (2xx). Keys: as {@link #CALL_STARTED}. */
    public static final String CALL_ANSWERED = PREFIX + "call/ANSWERED";
    /**
     * The call is over. Keys: as {@link #CALL_STARTED}, {@link EventKeys#REASON} ({@code bye}
     * after an answer, otherwise {@code unanswered}) and, for an unanswered call, the final
     * {@link EventKeys#STATUS} sent to the caller when known.
     */
    public static final String CALL_ENDED = PREFIX + "call/ENDED";
    /** Every call topic. */
    public static final String CALL_ANY = PREFIX + "call/*";

    /** A user account was created. Keys: {@link EventKeys#USER}. */
    public static final String USER_ADDED = PREFIX + "user/ADDED";
    /** A user account was removed. Keys: {@link EventKeys#USER}. */
    public static final String USER_REMOVED = PREFIX + "user/REMOVED";
    /** Every user topic. */
    public static final String USER_ANY = PREFIX + "user/*";

    private Topics() {
    }
}
