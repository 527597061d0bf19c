package org.switchboard.itest.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * A plugin brings its own tables: a bundle with {@code Switchboard-Schema} and
 * {@code db/<name>/V<n>__*.sql} gets them when it starts, and a DataSource marked with its schema;
 * a new version adds only its new script; uninstalling it keeps the data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginSchemaIT extends SwitchboardTestSupport {

    private static byte[] plugin(String schema, String version, String... scripts) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "itest.plugin." + schema);
        a.putValue("Bundle-Version", version);
        a.putValue("Switchboard-Schema", schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (int i = 0; i < scripts.length; i++) {
                jar.putNextEntry(new JarEntry("db/" + schema + "/V" + (i + 1) + "__step" + (i + 1) + ".sql"));
                jar.write(scripts[i].getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private ServiceReference<DataSource> schemaSource(String schema) throws Exception {
        Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class,
                "(switchboard.schema=" + schema + ")");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    private String query(String sql) throws Exception {
        ServiceReference<DataSource> core = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=switchboard)")
                .iterator().next();
        try (Connection c = bundleContext.getService(core).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(i > 1 ? "," : "").append(rs.getString(i));
                }
                b.append(';');
            }
            return b.toString();
        } finally {
            bundleContext.ungetService(core);
        }
    }

    @Test
    public void aPluginsTablesComeWithItAndStayAfterIt() throws Exception {
        String schema = "notes" + UUID.randomUUID().toString().substring(0, 6);
        String table = schema.toUpperCase();
        String v1 = "CREATE TABLE " + table + " (id INT PRIMARY KEY, text VARCHAR(100));\n"
                + "INSERT INTO " + table + " VALUES (1, 'first');\n";
        Bundle b = bundleContext.installBundle("itest:" + schema, new ByteArrayInputStream(plugin(schema, "1.0.0", v1)));
        b.start();
        Awaitility.await("a DataSource for schema " + schema).atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> schemaSource(schema) != null);
        assertEquals(1, schemaSource(schema).getProperty("switchboard.schema.version"));
        assertEquals("1,first;", query("SELECT * FROM " + table));

        String v2 = "ALTER TABLE " + table + " ADD COLUMN author VARCHAR(64);\n";
        b.update(new ByteArrayInputStream(plugin(schema, "1.1.0", v1, v2)));
        Awaitility.await("version 2").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> schemaSource(schema) != null && Integer.valueOf(2).equals(schemaSource(schema)
                        .getProperty("switchboard.schema.version")));
        assertEquals("V1 ran once: its row is there once", "1,first,null;", query("SELECT * FROM " + table));

        b.uninstall();
        Awaitility.await("the schema's DataSource withdrawn").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> schemaSource(schema) == null);
        assertNull(schemaSource(schema));
        assertEquals("the data stay after uninstall", "1,first,null;", query("SELECT * FROM " + table));
        assertTrue(query("SELECT version FROM sb_schema_version WHERE bundle = '" + schema + "' ORDER BY version")
                .equals("1;2;"));
    }

    @Test
    public void aBrokenSeriesIsRefusedAndTheServiceNeverAppears() throws Exception {
        String schema = "broken" + UUID.randomUUID().toString().substring(0, 6);
        Bundle b = bundleContext.installBundle("itest:" + schema,
                new ByteArrayInputStream(plugin(schema, "1.0.0", "CREATE TABLE " + schema + "_t (id INT);\n", "NOT SQL AT ALL;\n")));
        try {
            b.start();
            Awaitility.await("V1 applied").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> query("SELECT version FROM sb_schema_version WHERE bundle = '" + schema + "'").equals("1;"));
            assertNull("V2 failed: no DataSource for a half-migrated schema", schemaSource(schema));
        } finally {
            b.uninstall();
        }
    }
}
