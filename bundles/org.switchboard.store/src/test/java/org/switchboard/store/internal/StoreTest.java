package org.switchboard.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.directory.DigestAlgorithm;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

class StoreTest {

    static Database.Config config(Path dir) {
        return new Database.Config() {
            @Override public Class<? extends Annotation> annotationType() { return Database.Config.class; }
            @Override public String url() { return "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0"; }
            @Override public String user() { return "sa"; }
            @Override public String password() { return ""; }
            @Override public int max_connections() { return 4; }
        };
    }

    static Binding binding(String aor, String contact, float q, Instant expires) {
        return new Binding(aor, contact, "", 0, q, expires, "call-1", 1, List.of("<sip:edge.example.com;lr>"),
                new Flow("udp", "192.0.2.1", 5062), "test-ua");
    }

    @Test
    void usersAndHa1CredentialsPersistAcrossRestart(@TempDir Path dir) throws Exception {
        Database db = new Database(config(dir));
        JdbcUserDirectory users = new JdbcUserDirectory(db);
        users.create(new UserAccount("alice", "Alice", "alice@example.com"),
                List.of(DigestAlgorithm.MD5.ha1("alice", "switchboard", "pw".toCharArray()),
                        DigestAlgorithm.SHA_256.ha1("alice", "switchboard", "pw".toCharArray())));
        assertThrows(IllegalStateException.class, () -> users.create(new UserAccount("alice", "", ""), List.of()));
        db.close();

        Database db2 = new Database(config(dir));
        JdbcUserDirectory again = new JdbcUserDirectory(db2);
        assertEquals("Alice", again.find("alice").orElseThrow().displayName());
        assertEquals(DigestAlgorithm.SHA_256.ha1("alice", "switchboard", "pw".toCharArray()),
                again.credential("alice", "switchboard", DigestAlgorithm.SHA_256).orElseThrow());
        assertTrue(again.credential("alice", "other-realm", DigestAlgorithm.MD5).isEmpty());
        assertTrue(again.setCredentials("alice", List.of(DigestAlgorithm.MD5.ha1("alice", "switchboard", "new".toCharArray()))));
        assertTrue(again.credential("alice", "switchboard", DigestAlgorithm.SHA_256).isEmpty());
        assertTrue(again.remove("alice"));
        assertFalse(again.remove("alice"));
        assertTrue(again.list().isEmpty());
        db2.close();
    }

    @Test
    void refreshWithinAMinuteIsNotARewriteButANewContactOrLongerExpiryIs() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<Binding> saved = List.of(binding("sip:a@x", "sip:a@192.0.2.1", 1f, t.plusSeconds(3600)));
        assertTrue(RefreshOnly.isRefresh(saved, List.of(binding("sip:a@x", "sip:a@192.0.2.1", 1f, t.plusSeconds(3650)))));
        assertFalse(RefreshOnly.isRefresh(saved, List.of(binding("sip:a@x", "sip:a@192.0.2.1", 1f, t.plusSeconds(3700)))));
        assertFalse(RefreshOnly.isRefresh(saved, List.of(binding("sip:a@x", "sip:a@192.0.2.2", 1f, t.plusSeconds(3600)))));
        assertFalse(RefreshOnly.isRefresh(saved, List.of(binding("sip:a@x", "sip:a@192.0.2.1", 0.5f, t.plusSeconds(3600)))));
        assertFalse(RefreshOnly.isRefresh(saved, List.of()));
        assertFalse(RefreshOnly.isRefresh(null, saved));
    }

    @Test
    void aStoredRegistrationIsInTheFileWhenItsStoreCompletes(@TempDir Path dir, @TempDir Path crashed) throws Exception {
        Database db = new Database(config(dir));
        DurableLocationStore store = new DurableLocationStore(db);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        java.util.List<java.util.concurrent.CompletableFuture<Void>> acks = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String aor = "sip:u" + i + "@example.com";
            acks.add(store.store(aor, List.of(binding(aor, "sip:u" + i + "@192.0.2.1:5062", 1f, later))).toCompletableFuture());
        }
        acks.forEach(java.util.concurrent.CompletableFuture::join);
        // what a kill -9 leaves: the file as it is now, the process never closing the database
        java.nio.file.Files.copy(dir.resolve("db.mv.db"), crashed.resolve("db.mv.db"));
        try {
            Database after = new Database(config(crashed));
            DurableLocationStore recovered = new DurableLocationStore(after);
            assertEquals(50, recovered.all().size(), "every acknowledged registration is in the file");
            recovered.close();
            after.close();
        } finally {
            store.close();
            db.close();
        }
    }

    @Test
    void bindingsSurviveRestartOrderedByQAndExpiredOnesAreDropped(@TempDir Path dir) throws Exception {
        Database db = new Database(config(dir));
        DurableLocationStore store = new DurableLocationStore(db);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        store.replace("sip:bob@example.com", List.of(
                binding("sip:bob@example.com", "sip:bob@192.0.2.1:5062", 0.5f, later),
                binding("sip:bob@example.com", "sip:bob@192.0.2.2:5062", 0.9f, later),
                binding("sip:bob@example.com", "sip:bob@192.0.2.3:5062", 1.0f, Instant.now().minusSeconds(1))));
        assertEquals(List.of("sip:bob@192.0.2.2:5062", "sip:bob@192.0.2.1:5062"),
                store.lookup("sip:bob@example.com").stream().map(Binding::contact).toList());
        assertEquals("sip:bob@example.com", store.findByContact("sip:bob@192.0.2.1:5062").aor());
        assertNull(store.findByContact("sip:bob@192.0.2.3:5062"));
        store.close();
        db.close();

        Database db2 = new Database(config(dir));
        DurableLocationStore again = new DurableLocationStore(db2);
        List<Binding> loaded = again.lookup("sip:bob@example.com");
        assertEquals(2, loaded.size());
        assertEquals("sip:bob@192.0.2.2:5062", loaded.get(0).contact());
        assertEquals(List.of("<sip:edge.example.com;lr>"), loaded.get(0).path());
        assertEquals(new Flow("UDP", "192.0.2.1", 5062), loaded.get(0).flow());
        again.replace("sip:bob@example.com", List.of());
        assertTrue(again.lookup("sip:bob@example.com").isEmpty());
        again.close();
        db2.close();

        Database db3 = new Database(config(dir));
        assertTrue(new DurableLocationStore(db3).all().isEmpty(), "removal persisted");
        db3.close();
    }
}
