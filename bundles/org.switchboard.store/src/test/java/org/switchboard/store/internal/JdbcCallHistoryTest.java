package org.switchboard.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.directory.UserAccount;
import org.switchboard.api.history.CallRecord;
import org.switchboard.api.history.CallRecord.Direction;
import org.switchboard.api.history.CallRecord.Outcome;

class JdbcCallHistoryTest {

    private static JdbcCallHistory.Config keep(int n) {
        return new JdbcCallHistory.Config() {
            @Override public Class<? extends Annotation> annotationType() { return JdbcCallHistory.Config.class; }
            @Override public int max_entries() { return n; }
        };
    }

    private static CallRecord call(String peer, long startSecond, boolean answered) {
        Instant start = Instant.ofEpochSecond(startSecond);
        return new CallRecord(0, Direction.OUTGOING, peer, "Peer", false, start,
                answered ? start.plusSeconds(2) : null, start.plusSeconds(30),
                answered ? Outcome.ANSWERED : Outcome.BUSY, answered ? "" : "486 Busy Here");
    }

    @Test
    void callsArePerUserNewestFirstAndSurviveRestart(@TempDir Path dir) throws Exception {
        Database db = new Database(StoreTest.config(dir));
        JdbcUserDirectory users = new JdbcUserDirectory(db);
        users.create(new UserAccount("alice", "", ""), List.of());
        users.create(new UserAccount("bob", "", ""), List.of());
        JdbcCallHistory history = new JdbcCallHistory(db, keep(10));
        CallRecord first = history.add("alice", call("sip:bob@example.com", 1_000, true));
        CallRecord second = history.add("alice", call("sip:carol@example.com", 2_000, false));
        history.add("bob", call("sip:alice@example.com", 1_500, true));
        assertTrue(first.id() > 0);
        db.close();

        Database db2 = new Database(StoreTest.config(dir));
        JdbcCallHistory again = new JdbcCallHistory(db2, keep(10));
        List<CallRecord> alice = again.recent("alice", 100);
        assertEquals(List.of(second, first), alice);
        assertEquals("486 Busy Here", alice.get(0).reason());
        assertNull(alice.get(0).answeredAt());
        assertTrue(again.find("bob", first.id()).isEmpty(), "another user's entry is invisible");
        assertFalse(again.remove("bob", first.id()));
        assertTrue(again.remove("alice", first.id()));
        assertEquals(1, again.clear("alice"));
        assertTrue(again.recent("alice", 100).isEmpty());
        assertEquals(1, again.recent("bob", 100).size());
        db2.close();
    }

    @Test
    void oldestCallsAreDroppedBeyondTheLimitAndUserRemovalDeletesHistory(@TempDir Path dir) throws Exception {
        Database db = new Database(StoreTest.config(dir));
        JdbcUserDirectory users = new JdbcUserDirectory(db);
        users.create(new UserAccount("alice", "", ""), List.of());
        JdbcCallHistory history = new JdbcCallHistory(db, keep(3));
        for (int i = 0; i < 5; i++) {
            history.add("alice", call("sip:u" + i + "@example.com", 1_000 + i, true));
        }
        List<CallRecord> kept = history.recent("alice", 100);
        assertEquals(List.of("sip:u4@example.com", "sip:u3@example.com", "sip:u2@example.com"),
                kept.stream().map(CallRecord::peer).toList());
        assertEquals(2, history.recent("alice", 2).size());
        users.remove("alice");
        assertTrue(history.recent("alice", 100).isEmpty());
        db.close();
    }
}
