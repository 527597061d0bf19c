package org.switchboard.sip.internal.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether requests from other domains, which cannot authenticate here, may reach local users
 * ({@code inbound.policy}): {@code allow} (any address, as a public SIP domain does),
 * {@code peers} (only from the addresses in {@code inbound.peers}: the carrier, another PBX), or
 * {@code deny} (none: only local users, after digest authentication).
 */
public final class InboundPolicy {
    /** The policies. */
    public enum Mode { ALLOW, PEERS, DENY }

    private final Mode mode;
    private final Set<String> peers;

    public InboundPolicy(Mode mode, List<String> peers) {
        this.mode = mode;
        this.peers = peers.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the policy named by {@code value} (any case), or null when it names none */
    public static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return whether an unauthenticated request from another domain, sent from this address, may go on */
    public boolean admits(String sourceAddress) {
        return switch (mode) {
            case ALLOW -> true;
            case DENY -> false;
            case PEERS -> sourceAddress != null && peers.contains(sourceAddress.toLowerCase(Locale.ROOT));
        };
    }

    public Mode mode() {
        return mode;
    }
}
