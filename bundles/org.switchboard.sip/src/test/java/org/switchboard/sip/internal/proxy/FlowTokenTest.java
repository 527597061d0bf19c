package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Flow;

class FlowTokenTest {
    private final FlowToken tokens = new FlowToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripsIpv4AndIpv6Flows() {
        Flow ws = new Flow("WSS", "198.51.100.7", 50123);
        Flow v6 = new Flow("TCP", "2001:db8::7", 5060);
        assertEquals(Optional.of(ws), tokens.decode(tokens.encode(ws)));
        assertEquals(Optional.of(v6), tokens.decode(tokens.encode(v6)));
    }

    @Test
    void tokenIsAUriSafeParameterValue() {
        String token = tokens.encode(new Flow("TLS", "2001:db8::7", 65535));
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void garbageAndUnsignedTokensAreRejected() {
        assertEquals(Optional.empty(), tokens.decode(null));
        assertEquals(Optional.empty(), tokens.decode("not base64!"));
        assertEquals(Optional.empty(), tokens.decode(""));
        assertEquals(Optional.empty(), tokens.decode(b64("0123456789UDP|198.51.100.7|5060")));
    }

    @Test
    void tokensOfAnotherKeyOrTamperedOnesAreRejected() {
        String token = tokens.encode(new Flow("WS", "198.51.100.7", 50123));
        FlowToken other = new FlowToken("another key, another key, 123456".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), other.decode(token));
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[raw.length - 1] = (byte) '4'; // port 50124
        assertEquals(Optional.empty(), tokens.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)));
        assertEquals(Optional.of(new Flow("WS", "198.51.100.7", 50123)), new FlowToken(
                Arrays.copyOf("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 32)).decode(token));
    }
}
