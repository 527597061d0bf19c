package org.switchboard.sip.internal.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.switchboard.api.location.Flow;

/**
 * Encodes a flow into a Record-Route parameter (RFC 5626 section 5.3 "flow token"), so that
 * in-dialog requests towards a client on TCP, TLS or a WebSocket go back over the
 * connection the client opened.
 */
public final class FlowToken {
    /** The Record-Route URI parameter that carries the token. */
    public static final String PARAM = "sb-flow";

    private FlowToken() {
    }

    public static String encode(Flow flow) {
        String raw = flow.transport() + "|" + flow.remoteAddress() + "|" + flow.remotePort();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<Flow> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Flow(parts[0], parts[1], Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
