package org.switchboard.store.internal;

import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings plugins' own tables: a bundle with the manifest header
 * {@code Switchboard-Schema: <name>} ships {@code db/<name>/V<n>__<what>.sql}; when it starts,
 * the missing scripts are applied in order, each once, in its own series of
 * {@code sb_schema_version}. Then the store's {@code DataSource} is registered for it with
 * {@code switchboard.schema=<name>}, so that a component referencing
 * {@code (switchboard.schema=<name>)} starts only once its tables exist. Stopping or
 * uninstalling the plugin withdraws that service and keeps the data.
 */
@Component(immediate = true)
public class SchemaExtender {
    /** The manifest header naming a bundle's schema series. */
    public static final String HEADER = "Switchboard-Schema";
    /** The service property of the DataSource registered for a migrated series. */
    public static final String SCHEMA = "switchboard.schema";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final DataSource db;
    private final BundleTracker<ServiceRegistration<DataSource>> tracker;

    @Activate
    public SchemaExtender(@Reference(target = "(dataSourceName=switchboard)") DataSource db, BundleContext context) {
        this.db = db;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<DataSource> addingBundle(Bundle bundle, BundleEvent event) {
                String name = bundle.getHeaders("").get(HEADER);
                return name == null || name.isBlank() ? null : migrate(context, bundle, name.trim());
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> reg) {
                try {
                    reg.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the framework
                }
            }
        };
        tracker.open();
    }

    private ServiceRegistration<DataSource> migrate(BundleContext context, Bundle bundle, String name) {
        String where = bundle.getSymbolicName() + " " + bundle.getVersion();
        if (!name.matches("[A-Za-z0-9_.-]{1,128}")) {
            LOG.error("{}: {}: {} is not a schema name. Fix: letters, digits, '.', '_' and '-' only", where, HEADER, name);
            return null;
        }
        try {
            List<String> scripts = MigrationScripts.ordered(entries(bundle, "db/" + name));
            int version = SchemaMigrations.apply(db, name, scripts, resource -> {
                URL url = bundle.getEntry(resource);
                return url == null ? null : url.openStream();
            });
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SCHEMA, name);
            props.put("switchboard.schema.version", version);
            LOG.info("Schema {} of {} is at version {}", name, where, version);
            return context.registerService(DataSource.class, db, props);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: the migrations in db/{}/ cannot be applied: {}. Its components that need the schema stay waiting",
                    where, name, e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.error("{}: migrating schema {} failed: {}. The earlier versions stay; fix the script and restart the bundle",
                    where, name, e.getMessage());
        }
        return null;
    }

    private static List<String> entries(Bundle bundle, String folder) {
        List<String> names = new ArrayList<>();
        Enumeration<String> paths = bundle.getEntryPaths(folder);
        while (paths != null && paths.hasMoreElements()) {
            String path = paths.nextElement();
            if (!path.endsWith("/")) {
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    @Deactivate
    void close() {
        tracker.close();
    }
}
