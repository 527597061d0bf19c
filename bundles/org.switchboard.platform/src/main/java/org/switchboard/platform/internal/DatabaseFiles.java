package org.switchboard.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's files hold every user's HA1: once the store has opened (or created)
 * them, they become owner-only too. {@link FirstStart} may run before the store creates its
 * file, and a launcher without {@code bin/setenv}'s umask creates it world-readable.
 */
@Component(immediate = true)
public class DatabaseFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFiles.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(dataSourceName=switchboard)")
    void addDataSource(DataSource dataSource) {
        Path folder = KarafPaths.data().resolve("switchboard");
        try {
            PrivateFolders.folderAndFiles(folder);
        } catch (IOException e) {
            LOG.error("Could not make the database files in {} owner-only: {}. Fix: chmod 700 {}; chmod 600 {}/*",
                    folder, e.toString(), folder, folder);
        }
    }

    void removeDataSource(DataSource dataSource) {
        // nothing to undo
    }
}
