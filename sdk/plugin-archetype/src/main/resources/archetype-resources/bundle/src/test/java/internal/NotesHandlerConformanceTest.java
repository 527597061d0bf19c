package ${package}.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.switchboard.api.sip.handler.SipRequestHandler;
import org.switchboard.testkit.SipRequestHandlerContract;
import org.switchboard.testkit.TestSipRequest;

/** The notes handler passes Switchboard's request-handler conformance suite, on H2 with the plugin's own migration. */
class NotesHandlerConformanceTest extends SipRequestHandlerContract {
    private static final DataSource DB = database();

    private static DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:notes-test;DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            Path script = Path.of("src/main/resources/db/${rootArtifactId}/V1__notes.sql");
            s.execute(Files.readString(script));
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database: " + e, e);
        }
        return ds;
    }

    @Override
    protected SipRequestHandler handler() {
        return new NotesHandler(DB, 1000);
    }

    @Override
    protected TestSipRequest acceptedRequest() {
        return new TestSipRequest("PUBLISH", "alice", "alice").header("Event", "x-${shortName}").body("text/plain", "buy milk");
    }
}
