package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;

/** Maps bindings to rows of {@code sb_location} and back. */
final class LocationRows {
    private static final String PATH_SEPARATOR = "\n";

    private LocationRows() {
    }

    static Map<String, List<Binding>> loadAll(Connection c, Instant now) throws SQLException {
        Map<String, List<Binding>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT aor, contact, instance_id, reg_id, q, expires_at, call_id, "
                + "cseq, path, transport, remote_addr, remote_port, user_agent FROM sb_location WHERE expires_at > ?")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(9);
                    Binding b = new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getFloat(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getLong(8),
                            path.isEmpty() ? List.of() : Arrays.asList(path.split(PATH_SEPARATOR)),
                            new Flow(rs.getString(10), rs.getString(11), rs.getInt(12)), rs.getString(13));
                    out.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
                }
            }
        }
        return out;
    }

    static void write(Connection c, String aor, List<Binding> bindings) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sb_location WHERE aor = ?")) {
            del.setString(1, aor);
            del.executeUpdate();
        }
        if (bindings.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_location VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Binding b : bindings) {
                ps.setString(1, aor);
                ps.setString(2, b.key());
                ps.setString(3, b.contact());
                ps.setString(4, b.instanceId());
                ps.setInt(5, b.regId());
                ps.setFloat(6, b.q());
                ps.setLong(7, b.expires().toEpochMilli());
                ps.setString(8, b.callId());
                ps.setLong(9, b.cseq());
                ps.setString(10, String.join(PATH_SEPARATOR, b.path()));
                ps.setString(11, b.flow().transport());
                ps.setString(12, b.flow().remoteAddress());
                ps.setInt(13, b.flow().remotePort());
                ps.setString(14, b.userAgent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sb_location WHERE expires_at <= ?")) {
            ps.setLong(1, now.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
