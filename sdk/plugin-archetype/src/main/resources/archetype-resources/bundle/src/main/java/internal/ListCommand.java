package ${package}.internal;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code ${shortName}:list}: the latest notes, and how many registrations were seen. */
@Service
@Command(scope = "${shortName}", name = "list", description = "Lists the latest notes and counts the registrations seen")
public class ListCommand implements Action {
    @Reference(filter = "(switchboard.schema=${rootArtifactId})")
    DataSource db;

    @Option(name = "--max", description = "How many notes (default 20)")
    int max = 20;

    @Override
    public Object execute() {
        NoteStore store = new NoteStore(db);
        try {
            List<String> notes = store.latest(max);
            System.out.println(store.registrations() + " registrations seen, " + notes.size() + " notes shown");
            notes.forEach(System.out::println);
        } catch (SQLException e) {
            System.err.println("Cannot read the notes: " + e.getMessage());
        }
        return null;
    }
}
