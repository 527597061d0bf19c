package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.history.CallHistory;
import org.switchboard.api.history.CallRecord;

/**
 * Call history in the platform database. Each user keeps at most {@code max.entries} calls;
 * the oldest are dropped as new ones arrive, so a chatty client cannot fill the disk.
 */
@Component(service = CallHistory.class, configurationPid = "org.switchboard.history")
@Designate(ocd = JdbcCallHistory.Config.class)
public class JdbcCallHistory implements CallHistory {
    private static final String COLUMNS = "id, direction, peer, peer_name, video, started_at, answered_at, ended_at, outcome, reason";

    @ObjectClassDefinition(name = "Switchboard call history", description = "Per-user call history")
    @interface Config {
        @AttributeDefinition(description = "Most calls kept per user; older ones are dropped")
        int max_entries() default 500;
    }

    private final DataSource db;
    private final int maxEntries;

    @Activate
    public JdbcCallHistory(@Reference(target = "(dataSourceName=switchboard)") DataSource db, Config config) {
        this.db = db;
        this.maxEntries = Math.max(1, config.max_entries());
    }

    @Override
    public CallRecord add(String username, CallRecord call) {
        String sql = "INSERT INTO sb_call_history (username, direction, peer, peer_name, video, started_at, "
                + "answered_at, ended_at, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, call.direction().name());
            ps.setString(3, call.peer());
            ps.setString(4, call.peerName());
            ps.setBoolean(5, call.video());
            ps.setObject(6, utc(call.startedAt()));
            ps.setObject(7, call.answeredAt() == null ? null : utc(call.answeredAt()));
            ps.setObject(8, utc(call.endedAt()));
            ps.setString(9, call.outcome().name());
            ps.setString(10, call.reason());
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            trim(c, username);
            return call.withId(id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a call of " + username + ": " + e.getMessage(), e);
        }
    }

    private void trim(Connection c, String username) throws SQLException {
        String sql = "DELETE FROM sb_call_history WHERE username = ? AND id NOT IN (SELECT id FROM sb_call_history "
                + "WHERE username = ? ORDER BY started_at DESC, id DESC LIMIT ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setInt(3, maxEntries);
            ps.executeUpdate();
        }
    }

    @Override
    public List<CallRecord> recent(String username, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM sb_call_history WHERE username = ? ORDER BY started_at DESC, id DESC LIMIT ?";
        return query(sql, username, Math.max(0, limit));
    }

    @Override
    public Optional<CallRecord> find(String username, long id) {
        return query("SELECT " + COLUMNS + " FROM sb_call_history WHERE username = ? AND id = ?", username, id)
                .stream().findFirst();
    }

    @Override
    public boolean remove(String username, long id) {
        return update("DELETE FROM sb_call_history WHERE username = ? AND id = ?", username, id) > 0;
    }

    @Override
    public int clear(String username) {
        return update("DELETE FROM sb_call_history WHERE username = ?", username, null);
    }

    private int update(String sql, String username, Long id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            if (id != null) {
                ps.setLong(2, id);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the call history of " + username + ": " + e.getMessage(), e);
        }
    }

    private List<CallRecord> query(String sql, String username, long second) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setLong(2, second);
            List<CallRecord> calls = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calls.add(read(rs));
                }
            }
            return calls;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the call history of " + username + ": " + e.getMessage(), e);
        }
    }

    private static CallRecord read(ResultSet rs) throws SQLException {
        OffsetDateTime answered = rs.getObject(7, OffsetDateTime.class);
        return new CallRecord(rs.getLong(1), CallRecord.Direction.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                answered == null ? null : answered.toInstant(), rs.getObject(8, OffsetDateTime.class).toInstant(),
                CallRecord.Outcome.valueOf(rs.getString(9)), rs.getString(10));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
