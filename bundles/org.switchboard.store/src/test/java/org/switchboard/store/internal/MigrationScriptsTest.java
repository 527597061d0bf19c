package org.switchboard.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {
    @Test
    void scriptsRunInVersionOrderNotNameOrder() {
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(v -> "V" + v + "__step.sql").toList();
        List<String> shuffled = new java.util.ArrayList<>(names);
        java.util.Collections.sort(shuffled); // V10 sorts before V2 by name
        assertEquals("V10__step.sql", shuffled.get(0), "by name, V10 sorts first");
        assertEquals(names, MigrationScripts.ordered(shuffled));
    }

    @Test
    void aSeriesADatabaseCouldNotFollowIsRefusedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MigrationScripts.ordered(List.of("V1__a.sql", "V3__c.sql")))
                .getMessage().contains("version 2 is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MigrationScripts.ordered(List.of("V1__a.sql", "V1__b.sql")))
                .getMessage().contains("same version"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MigrationScripts.ordered(List.of("tables.sql")))
                .getMessage().contains("V<n>__<what>.sql"));
    }

    @Test
    void eachPluginSeriesIsAppliedOnceAndALaterVersionOnlyAddsItsScript() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Map<String, String> files = Map.of(
                "db/acme.notes/V1__notes.sql", "CREATE TABLE acme_note (id INT PRIMARY KEY, text VARCHAR(100));\n",
                "db/acme.notes/V2__author.sql", "ALTER TABLE acme_note ADD COLUMN author VARCHAR(64);\n"
                        + "INSERT INTO acme_note VALUES (1, 'kept', 'alice');\n");
        SchemaMigrations.Scripts source = r -> files.containsKey(r)
                ? new ByteArrayInputStream(files.get(r).getBytes(StandardCharsets.UTF_8)) : null;
        assertEquals(1, SchemaMigrations.apply(ds, "acme.notes", List.of("V1__notes.sql"), source));
        assertEquals(2, SchemaMigrations.apply(ds, "acme.notes", List.of("V1__notes.sql", "V2__author.sql"), source));
        assertEquals(2, SchemaMigrations.apply(ds, "acme.notes", List.of("V1__notes.sql", "V2__author.sql"), source),
                "applied once: a second start runs nothing (the INSERT would fail on its key)");
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT bundle, version FROM sb_schema_version ORDER BY version")) {
            assertTrue(rs.next());
            assertEquals("acme.notes", rs.getString(1));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(2));
        }
    }
}
