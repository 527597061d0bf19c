#set( $t = $rootArtifactId.replace('-', '_').replace('.', '_') )
package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The plugin's tables (src/main/resources/db/${rootArtifactId}), through the store's DataSource. */
final class NoteStore {
    private final DataSource db;

    NoteStore(DataSource db) {
        this.db = db;
    }

    void add(String user, String text) throws SQLException {
        update("INSERT INTO ${t}_note (username, body, created_at) VALUES (?, ?, ?)", user, text);
    }

    void registered(String user, String contact) throws SQLException {
        update("INSERT INTO ${t}_registration (username, contact, seen_at) VALUES (?, ?, ?)", user, contact);
    }

    private void update(String sql, String a, String b) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, a);
            s.setString(2, b);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    /** @return the latest notes, newest first, as "user: text" */
    List<String> latest(int max) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT username, body FROM ${t}_note ORDER BY id DESC")) {
            s.setMaxRows(max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + ": " + r.getString(2));
                }
            }
        }
        return out;
    }

    /** @return how many registrations were seen */
    long registrations() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ${t}_registration");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
