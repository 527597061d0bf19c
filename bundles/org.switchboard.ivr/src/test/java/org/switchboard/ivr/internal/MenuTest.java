package org.switchboard.ivr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MenuTest {

    @Test
    void readsEveryKey() {
        Map<String, Object> props = new HashMap<>(Map.of("name", "sales", "greeting", "please-hold",
                "prompt", "sales-intro, sales-options", "timeout.seconds", "7", "max.attempts", "2",
                "invalid.prompt", "oops"));
        props.putAll(Map.of("digit.1", "user:bob", "digit.2", "number:+441632960000",
                "digit.3", "application:meetings:8123", "digit.*", "menu:main", "digit.#", "repeat"));
        Menu m = Menu.parse(props);
        assertEquals("sales", m.name());
        assertEquals(List.of("please-hold"), m.greeting());
        assertEquals(List.of("sales-intro", "sales-options"), m.prompt());
        assertEquals(Duration.ofSeconds(7), m.timeout());
        assertEquals(2, m.maxAttempts());
        assertEquals(List.of("oops"), m.invalidPrompt());
        assertEquals(new Action.Connect("bob"), m.digits().get('1'));
        assertEquals(new Action.Connect("+441632960000"), m.digits().get('2'));
        assertEquals(new Action.HandOver("meetings", "8123"), m.digits().get('3'));
        assertEquals(new Action.Submenu("main"), m.digits().get('*'));
        assertEquals(new Action.Repeat(), m.digits().get('#'));
    }

    @Test
    void defaultsApply() {
        Menu m = Menu.parse(Map.of("name", "x", "prompt", new String[] {"a", "b"}, "digit.0", "hangup",
                "digit.9", "application:meetings", "digit.5", "dial"));
        assertEquals(List.of("a", "b"), m.prompt());
        assertEquals(List.of(), m.greeting());
        assertEquals(Duration.ofSeconds(5), m.timeout());
        assertEquals(3, m.maxAttempts());
        assertEquals(List.of("invalid-choice"), m.invalidPrompt());
        assertEquals(new Action.Hangup(), m.digits().get('0'));
        assertEquals(new Action.HandOver("meetings", ""), m.digits().get('9'));
        assertEquals(new Action.Dial(), m.digits().get('5'));
    }

    @Test
    void mistakesNameTheKey() {
        assertMessage("name: missing", Map.of("prompt", "a", "digit.1", "hangup"));
        assertMessage("prompt: missing", Map.of("name", "m", "digit.1", "hangup"));
        assertMessage("digit.<d>: none", Map.of("name", "m", "prompt", "a"));
        assertMessage("digit.12: not a key", Map.of("name", "m", "prompt", "a", "digit.12", "hangup"));
        assertMessage("digit.1: 'usr:bob' is not an action", Map.of("name", "m", "prompt", "a", "digit.1", "usr:bob"));
        assertMessage("digit.1: 'user:' is not an action", Map.of("name", "m", "prompt", "a", "digit.1", "user:"));
        assertMessage("digit.1: 'repeat:x' is not", Map.of("name", "m", "prompt", "a", "digit.1", "repeat:x"));
        assertMessage("timeout.seconds: 'soon'", Map.of("name", "m", "prompt", "a", "digit.1", "hangup",
                "timeout.seconds", "soon"));
        assertMessage("max.attempts: '0' is not a whole number from 1 to 20", Map.of("name", "m", "prompt", "a",
                "digit.1", "hangup", "max.attempts", "0"));
    }

    @Test
    void theShippedMainMenuIsTheBuiltInDefault() throws IOException {
        Path cfg = Path.of("../../karaf-assembly/src/main/resources/assembly/etc/org.switchboard.ivr.menu-main.cfg");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(cfg)) {
            p.load(in);
        }
        Map<String, Object> props = new HashMap<>();
        p.forEach((k, v) -> props.put((String) k, v));
        assertEquals(Menu.DEFAULT, Menu.parse(props));
    }

    private static void assertMessage(String start, Map<String, ?> props) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Menu.parse(props));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
