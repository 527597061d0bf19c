package org.switchboard.api.event;

/** The property keys of platform events; each topic in {@link Topics} says which it carries. */
public final class EventKeys {
    /** When it happened, milliseconds since the epoch (a {@code Long}); Event Admin's own key. */
    public static final String TIMESTAMP = "timestamp";
    /** The user name (a {@code String}), without domain. */
    public static final String USER = "user";
    /** The address of record, {@code sip:user@domain}. */
    public static final String AOR = "aor";
    /** The contact URI as registered. */
    public static final String CONTACT = "contact";
    /** When the binding expires, seconds since the epoch (a {@code Long}). */
    public static final String EXPIRES = "expires";
    /** The RFC 5626 {@code +sip.instance} of the binding. */
    public static final String INSTANCE = "instance";
    /** The RFC 5626 {@code reg-id} of the binding (an {@code Integer}). */
    public static final String REG_ID = "reg.id";
    /** The registering client's User-Agent. */
    public static final String USER_AGENT = "user.agent";
    /** The transport the request came over: UDP, TCP, TLS, WS, WSS. */
    public static final String TRANSPORT = "transport";
    /** Where the request came from, {@code address:port}. */
    public static final String SOURCE = "source";
    /** Why something ended; the topic lists the values. */
    public static final String REASON = "reason";
    /** The call's stable identifier: its SIP Call-ID. */
    public static final String CALL_ID = "call.id";
    /** The caller's address (a SIP URI). */
    public static final String FROM = "from";
    /** The called address (a SIP URI). */
    public static final String TO = "to";
    /** A SIP status code (an {@code Integer}). */
    public static final String STATUS = "status";

    private EventKeys() {
    }

    /**
     * {@code Boolean}: true when the call's media passes through the platform (anchored), so
     * that its audio can be tapped.
     *
     * @since 1.1
     */
    public static final String ANCHORED = "anchored";

    /**
     * {@code String}: the call application that took the call.
     *
     * @since 1.1
     */
    public static final String APPLICATION = "application";
}
