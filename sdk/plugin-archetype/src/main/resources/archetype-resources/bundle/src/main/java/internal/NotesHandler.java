package ${package}.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.handler.SipRequest;
import org.switchboard.api.sip.handler.SipRequestHandler;

/**
 * Answers {@code PUBLISH} requests of the event package {@code x-${shortName}} (RFC 3903) sent to
 * a local user: a user's own note is kept in the plugin's table. The core has authenticated the
 * sender before this is called. The database write happens on the plugin's own thread, behind a
 * bounded queue, so that the SIP thread is never held; a full queue gets 503.
 */
@Component(service = SipRequestHandler.class, configurationPid = NotesConfig.PID,
        property = {SipRequestHandler.METHOD + "=PUBLISH", SipRequestHandler.EVENT + "=x-${shortName}"})
@Designate(ocd = NotesConfig.class)
public class NotesHandler implements SipRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NotesHandler.class);

    private final NoteStore store;
    private final int maxBytes;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
            r -> new Thread(r, "${rootArtifactId}-writer"));

    @Activate
    public NotesHandler(@Reference(target = "(switchboard.schema=${rootArtifactId})") DataSource db, NotesConfig config) {
        this(db, config.max_bytes());
    }

    NotesHandler(DataSource db, int maxBytes) {
        this.store = new NoteStore(db);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(SipRequest request) {
        byte[] body = request.body();
        String user = request.authenticatedUser().orElse(null);
        if (user == null) {
            request.respond(403, "Only Local Users Keep Notes");
        } else if (body.length == 0) {
            request.respond(400, "A Note Needs A Body");
        } else if (body.length > maxBytes) {
            request.respond(413, "Note Too Long (max.bytes in etc/${package}.cfg)");
        } else {
            keep(request, user, new String(body, StandardCharsets.UTF_8));
        }
    }

    private void keep(SipRequest request, String user, String text) {
        try {
            writer.execute(() -> {
                try {
                    store.add(user, text);
                    request.respond(200, "Noted", Map.of("SIP-ETag", Long.toHexString(System.nanoTime()), "Expires", "3600"),
                            null, null);
                } catch (SQLException e) {
                    LOG.warn("Could not keep the note of {}: {}", user, e.toString());
                    request.respond(500, "Cannot Keep The Note");
                }
            });
        } catch (RejectedExecutionException e) {
            request.respond(503, "Too Many Notes Waiting", Map.of("Retry-After", "5"), null, null);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
