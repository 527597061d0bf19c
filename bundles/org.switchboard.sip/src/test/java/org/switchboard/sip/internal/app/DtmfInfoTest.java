package org.switchboard.sip.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DtmfInfoTest {
    @Test
    void dtmfRelay() {
        DtmfInfo.Digit d = DtmfInfo.parse("dtmf-relay", "Signal=5\r\nDuration=250\r\n").orElseThrow();
        assertEquals('5', d.digit());
        assertEquals(Duration.ofMillis(250), d.duration());
        assertEquals('#', DtmfInfo.parse("DTMF-Relay", "Signal= #\nDuration=160").orElseThrow().digit());
        assertEquals('*', DtmfInfo.parse("dtmf-relay", "Signal=10\r\n").orElseThrow().digit());
        assertEquals(Duration.ofMillis(160), DtmfInfo.parse("dtmf-relay", "Signal=1\r\nDuration=x").orElseThrow().duration());
    }

    @Test
    void plainDtmf() {
        assertEquals('7', DtmfInfo.parse("dtmf", "7\r\n").orElseThrow().digit());
        assertEquals('A', DtmfInfo.parse("dtmf", "a").orElseThrow().digit());
    }

    @Test
    void otherBodiesAreIgnored() {
        assertTrue(DtmfInfo.parse("dtmf-relay", "Duration=100").isEmpty());
        assertTrue(DtmfInfo.parse("dtmf", "12").isEmpty());
        assertTrue(DtmfInfo.parse("media_control+xml", "<x/>").isEmpty());
        assertTrue(DtmfInfo.parse(null, "5").isEmpty());
        assertTrue(DtmfInfo.parse("dtmf", null).isEmpty());
    }
}
