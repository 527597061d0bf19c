package ${package}.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.Topics;

/** Receives the platform's registration events (Event Admin) and keeps each new binding. */
@Component(property = EventConstants.EVENT_TOPIC + "=" + Topics.REGISTRATION_ADDED)
public class RegistrationRecorder implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationRecorder.class);

    private final NoteStore store;

    @Activate
    public RegistrationRecorder(@Reference(target = "(switchboard.schema=${rootArtifactId})") DataSource db) {
        this.store = new NoteStore(db);
    }

    @Override
    public void handleEvent(Event event) {
        try {
            store.registered(String.valueOf(event.getProperty(EventKeys.USER)), String.valueOf(event.getProperty(EventKeys.CONTACT)));
        } catch (SQLException e) {
            LOG.warn("Could not record the registration of {}: {}", event.getProperty(EventKeys.USER), e.toString());
        }
    }
}
