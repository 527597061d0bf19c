package org.switchboard.sip.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SipSettingsTest {

    @Test
    void validRawValuesAreUsedAndAbsentOnesComeFromTheAnnotation() {
        SipSettings s = new SipSettings(Map.of("udp.port", "5070", "tcp.port", 5080));
        assertEquals(5070, s.port("udp.port", () -> { throw new AssertionError("not read"); }, 5060));
        assertEquals(5080, s.port("tcp.port", () -> 1, 5060));
        assertEquals(5061, s.port("tls.port", () -> 5061, 1));
    }

    @Test
    void notANumberOrOutOfRangeFallsBackWithoutTouchingTheAnnotation() {
        SipSettings s = new SipSettings(Map.of("udp.port", "abc", "ws.port", "70000", "udp.threads", "0"));
        assertEquals(5060, s.port("udp.port", () -> { throw new IllegalStateException("coercion"); }, 5060));
        assertEquals(5066, s.port("ws.port", () -> 0, 5066));
        assertEquals(5, s.positive("udp.threads", () -> 0, 5));
    }

    @Test
    void invertedExpiryBoundsCollapseToMax() {
        assertArrayEquals(new int[] {3600, 3600}, SipSettings.expiryBounds(7200, 3600));
        assertArrayEquals(new int[] {60, 3600}, SipSettings.expiryBounds(60, 3600));
    }
}
