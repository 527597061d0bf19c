package org.switchboard.sip.internal.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.switchboard.api.location.Flow;
import org.switchboard.sip.internal.auth.Hmac;

/**
 * Encodes a flow into a Record-Route parameter (RFC 5626 section 5.2 "flow token"), so that
 * in-dialog requests towards a client on TCP, TLS or a WebSocket go back over the connection
 * the client opened. The token carries an HMAC, so nobody can forge one to push requests into
 * another client's connection.
 */
public final class FlowToken {
    /** The Record-Route URI parameter that carries the token. */
    public static final String PARAM = "sb-flow";
    private static final Set<String> TRANSPORTS = Set.of("UDP", "TCP", "TLS", "WS", "WSS");
    private static final int MAC_BYTES = 10;

    private final Hmac hmac;

    /** @param secret the key of the HMAC; keep it across restarts so that dialogs outlive them */
    public FlowToken(byte[] secret) {
        this.hmac = new Hmac(secret, MAC_BYTES);
    }

    public String encode(Flow flow) {
        byte[] raw = (flow.transport() + "|" + flow.remoteAddress() + "|" + flow.remotePort())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] mac = hmac.of(raw);
        byte[] out = Arrays.copyOf(mac, MAC_BYTES + raw.length);
        System.arraycopy(raw, 0, out, MAC_BYTES, raw.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** @return the flow, if the token is well formed and was made with this key */
    public Optional<Flow> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(token);
            if (all.length <= MAC_BYTES) {
                return Optional.empty();
            }
            byte[] raw = Arrays.copyOfRange(all, MAC_BYTES, all.length);
            if (!MessageDigest.isEqual(Arrays.copyOf(all, MAC_BYTES), hmac.of(raw))) {
                return Optional.empty();
            }
            String[] parts = new String(raw, StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 3 || !TRANSPORTS.contains(parts[0]) || parts[1].isEmpty()) {
                return Optional.empty();
            }
            int port = Integer.parseInt(parts[2]);
            return port < 1 || port > 65535 ? Optional.empty() : Optional.of(new Flow(parts[0], parts[1], port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
