package org.switchboard.store.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.LoggerFactory;

/**
 * The platform database, a pooled {@link DataSource}: an embedded H2 file under
 * {@code data/switchboard/} unless a JDBC URL is configured. Applies the store's schema
 * migrations before it is offered to anyone.
 */
@Component(service = DataSource.class, configurationPid = "org.switchboard.store",
        property = "dataSourceName=switchboard")
@Designate(ocd = Database.Config.class)
public class Database implements DataSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Database.class);
    static final List<String> MIGRATIONS = List.of("V1__users_and_location.sql", "V2__call_history.sql");

    @ObjectClassDefinition(name = "Switchboard store", description = "The platform database")
    @interface Config {
        @AttributeDefinition(description = "JDBC URL. Empty: embedded H2 at data/switchboard/switchboard")
        String url() default "";

        @AttributeDefinition(description = "Database user")
        String user() default "sa";

        @AttributeDefinition(description = "Database password", type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "Largest number of pooled connections")
        int max_connections() default 16;
    }

    private final JdbcConnectionPool pool;

    @Activate
    public Database(Config config) throws SQLException {
        String url = config.url().isBlank() ? embeddedUrl() : config.url();
        if (!url.startsWith("jdbc:h2:")) {
            throw new SQLException("org.switchboard.store: url=" + url + " is not supported yet; "
                    + "only H2 (jdbc:h2:...) is bundled. Leave 'url' empty in etc/org.switchboard.store.cfg for the embedded database");
        }
        pool = JdbcConnectionPool.create(url, config.user(), config.password());
        pool.setMaxConnections(config.max_connections());
        durableCommits(pool);
        SchemaMigrations.apply(pool, "org.switchboard.store", Database.class.getClassLoader(), MIGRATIONS);
        LOG.info("Database ready at {}", url);
    }

    /**
     * H2 writes committed changes to its file up to 500 ms later by default, so a {@code kill -9}
     * lost acknowledged registrations. With no write delay a commit is in the file (the OS's
     * page cache) when it returns; the location store's group commit keeps that affordable.
     */
    private static void durableCommits(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
    }

    static String embeddedUrl() {
        Path file = Path.of(System.getProperty("karaf.data", "data"), "switchboard", "switchboard").toAbsolutePath();
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Deactivate
    void close() {
        pool.dispose();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("use getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through slf4j
    }

    @Override
    public void setLoginTimeout(int seconds) {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
