package org.switchboard.sip.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WhiteboardTest {

    @Test
    void theHighestRankingWinsThenTheOldest() {
        Whiteboard<String> w = new Whiteboard<>();
        w.add("MESSAGE", "old", Map.of("service.id", 5L));
        w.add("MESSAGE", "newer", Map.of("service.id", 9L));
        assertEquals("old", w.best("MESSAGE"));
        w.add("MESSAGE", "ranked", Map.of("service.id", 12L, "service.ranking", 10));
        assertEquals("ranked", w.best("MESSAGE"));
        w.remove("MESSAGE", "ranked");
        assertEquals("old", w.best("MESSAGE"));
        w.remove("MESSAGE", "old");
        w.remove("MESSAGE", "newer");
        assertFalse(w.has("MESSAGE"));
        assertNull(w.best(null));
    }

    @Test
    void keysAreNormalisedFromStringsAndArrays() {
        assertEquals("MESSAGE", Whiteboard.key(" message ", true));
        assertEquals("presence", Whiteboard.key(new String[] {"Presence"}, false));
        assertNull(Whiteboard.key("", true));
        assertNull(Whiteboard.key(42, true));
    }
}
