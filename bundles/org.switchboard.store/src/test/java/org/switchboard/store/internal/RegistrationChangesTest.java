package org.switchboard.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

class RegistrationChangesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static Binding binding(String contact, String instance, int regId, int expiresIn, long cseq) {
        return new Binding("sip:alice@example.com", contact, instance, regId, 1f, NOW.plusSeconds(expiresIn), "cid-1", cseq,
                List.of(), new Flow("udp", "192.0.2.10", 5062), "baresip 3.0");
    }

    private static List<String> summary(List<Binding> before, List<Binding> after) {
        return RegistrationChanges.of(before, after, NOW).stream()
                .map(c -> c.topic().substring(c.topic().lastIndexOf('/') + 1) + " " + c.properties().get("contact")
                        + (c.properties().containsKey("reason") ? " " + c.properties().get("reason") : ""))
                .toList();
    }

    @Test
    void newContactsAreAddedRegisteredAgainRefreshedAndGoneRemoved() {
        Binding phone = binding("sip:alice@192.0.2.10:5062", "", 0, 600, 1);
        Binding laptop = binding("sip:alice@192.0.2.11:5060", "", 0, 600, 1);
        assertEquals(List.of("ADDED sip:alice@192.0.2.10:5062"), summary(null, List.of(phone)));
        assertEquals(List.of("ADDED sip:alice@192.0.2.11:5060", "REFRESHED sip:alice@192.0.2.10:5062"),
                summary(List.of(phone), List.of(laptop, binding("sip:alice@192.0.2.10:5062", "", 0, 600, 2))).stream().sorted()
                        .toList());
        assertEquals(List.of(), summary(List.of(phone), List.of(phone)), "nothing changed, nothing posted");
        assertEquals(List.of("REMOVED sip:alice@192.0.2.10:5062 unregistered"), summary(List.of(phone, laptop), List.of(laptop)));
    }

    @Test
    void theReasonSaysWhetherItWasUnregisteredExpiredOrReplaced() {
        Binding old = binding("sip:alice@192.0.2.10:5062;ob", "\"<urn:uuid:1>\"", 1, -1, 1);
        assertEquals(List.of("REMOVED sip:alice@192.0.2.10:5062;ob expired"), summary(List.of(old), List.of()));
        Binding flow1 = binding("sip:alice@192.0.2.10:5062;ob", "\"<urn:uuid:1>\"", 1, 600, 1);
        Binding flow2 = binding("sip:alice@192.0.2.99:6000;ob", "\"<urn:uuid:1>\"", 1, 600, 2);
        assertEquals(List.of("ADDED sip:alice@192.0.2.99:6000;ob", "REMOVED sip:alice@192.0.2.10:5062;ob replaced"),
                summary(List.of(flow1), List.of(flow2)).stream().sorted().toList());
    }

    @Test
    void theEventCarriesTheDocumentedKeys() {
        Map<String, Object> p = RegistrationChanges.properties(binding("sip:alice@192.0.2.10:5062", "\"<urn:uuid:1>\"", 2, 60, 1));
        assertEquals("alice", p.get("user"));
        assertEquals("sip:alice@example.com", p.get("aor"));
        assertEquals(NOW.plusSeconds(60).getEpochSecond(), p.get("expires"));
        assertEquals("UDP", p.get("transport"));
        assertEquals("192.0.2.10:5062", p.get("source"));
        assertEquals("\"<urn:uuid:1>\"", p.get("instance"));
        assertEquals(2, p.get("reg.id"));
        assertEquals("baresip 3.0", p.get("user.agent"));
    }
}
