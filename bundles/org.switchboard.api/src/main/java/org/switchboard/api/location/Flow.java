package org.switchboard.api.location;

import java.util.Locale;
import java.util.Objects;

/**
 * The network path a registration arrived on (RFC 5626 "flow"): the platform sends requests
 * for the binding back over it, so that clients behind NAT or on WebSockets can be reached.
 *
 * @param transport UDP, TCP, TLS, WS or WSS
 * @param remoteAddress the source IP address of the REGISTER
 * @param remotePort the source port of the REGISTER
 */
public record Flow(String transport, String remoteAddress, int remotePort) {
    /** Checks the fields and upper-cases the transport. */
    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        transport = transport.toUpperCase(Locale.ROOT);
    }

    /** @return whether the transport keeps a connection the platform must reuse */
    public boolean connectionOriented() {
        return !"UDP".equals(transport);
    }

    @Override
    public String toString() {
        return transport.toLowerCase(Locale.ROOT) + ":" + remoteAddress + ":" + remotePort;
    }
}
