package org.switchboard.sip.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkRetransmitterTest {
    @Test
    void intervalsDoubleUpToT2AndStopAt64T1() {
        List<Long> sent = new ArrayList<>();
        long interval = OkRetransmitter.T1_MS;
        long elapsed = 0;
        while (elapsed + interval < OkRetransmitter.LIMIT_MS) {
            elapsed += interval;
            sent.add(elapsed);
            interval = OkRetransmitter.nextInterval(interval);
        }
        assertEquals(List.of(500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L), sent);
    }
}
