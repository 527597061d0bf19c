package org.switchboard.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, one series per bundle: {@code db/<bundle>/V<n>__<what>.sql}
 * resources applied in order, each once, recorded in {@code sb_schema_version}.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /** Where a series' scripts are read from: a class loader, or a plugin bundle's entries. */
    @FunctionalInterface
    interface Scripts {
        /** @return the resource's content, or null if there is none */
        InputStream open(String resource) throws IOException;
    }

    static void apply(DataSource ds, String bundle, ClassLoader loader, List<String> scripts) throws SQLException {
        apply(ds, bundle, scripts, loader::getResourceAsStream);
    }

    /** @return the version the series is at after applying what was missing */
    static int apply(DataSource ds, String bundle, List<String> scripts, Scripts source) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS sb_schema_version (bundle VARCHAR(128) NOT NULL, "
                        + "version INTEGER NOT NULL, script VARCHAR(256) NOT NULL, PRIMARY KEY (bundle, version))");
            }
            int current = currentVersion(c, bundle);
            for (int i = current; i < scripts.size(); i++) {
                String script = scripts.get(i);
                run(c, bundle, i + 1, script, read(source, "db/" + bundle + "/" + script));
                LOG.info("Schema of {} migrated to version {} ({})", bundle, i + 1, script);
            }
            return Math.max(current, scripts.size());
        }
    }

    private static int currentVersion(Connection c, String bundle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM sb_schema_version WHERE bundle = ?")) {
            ps.setString(1, bundle);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void run(Connection c, String bundle, int version, String name, String sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String stmt : sql.split(";\\s*\\n")) {
                if (!stmt.isBlank()) {
                    s.execute(stmt);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sb_schema_version VALUES (?, ?, ?)")) {
                ps.setString(1, bundle);
                ps.setInt(2, version);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + bundle + "/" + name + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String read(Scripts source, String resource) throws SQLException {
        try (InputStream in = source.open(resource)) {
            if (in == null) {
                throw new SQLException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + resource, e);
        }
    }
}
