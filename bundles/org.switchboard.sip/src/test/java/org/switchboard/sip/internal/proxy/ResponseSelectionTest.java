package org.switchboard.sip.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSelectionTest {
    @Test
    void anySixHundredWinsEvenIfItCameLast() {
        assertEquals(2, ResponseSelection.best(List.of(302, 486, 603)));
        assertEquals(1, ResponseSelection.best(List.of(404, 600, 603)));
    }

    @Test
    void otherwiseTheLowestClassWinsAndTheFirstWithinAClass() {
        assertEquals(2, ResponseSelection.best(List.of(503, 486, 302)));
        assertEquals(1, ResponseSelection.best(List.of(500, 486, 404)));
        assertEquals(0, ResponseSelection.best(List.of(480)));
    }

    @Test
    void emptyListHasNoBest() {
        assertEquals(-1, ResponseSelection.best(List.of()));
    }

    @Test
    void downstream503IsSentUpstreamAs500() {
        assertEquals(500, ResponseSelection.upstreamStatus(503));
        assertEquals(486, ResponseSelection.upstreamStatus(486));
        assertEquals(500, ResponseSelection.upstreamStatus(500));
        assertEquals(603, ResponseSelection.upstreamStatus(603));
    }
}
