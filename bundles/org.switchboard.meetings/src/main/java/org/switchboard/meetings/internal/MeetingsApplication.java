package org.switchboard.meetings.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.MediaEngine;

/**
 * {@code application:meetings}: the argument is the room number (the dial plan's
 * {@code 8000-8999}); without one the caller is asked for it.
 */
@Component(service = {CallApplication.class, MeetingControl.class}, configurationPid = MeetingsApplication.PID,
        property = CallApplication.NAME + "=" + MeetingsApplication.NAME)
@Designate(ocd = MeetingsApplication.Config.class)
public class MeetingsApplication implements CallApplication, MeetingControl {
    static final String NAME = "meetings";
    static final String PID = "org.switchboard.meetings";
    private static final Logger LOG = LoggerFactory.getLogger(MeetingsApplication.class);

    @ObjectClassDefinition(name = "Switchboard meetings", description = "Which numbers are meeting rooms")
    @interface Config {
        @AttributeDefinition(description = "Numbers any caller may open as a room (e.g. 8000-8999); empty for "
                + "configured rooms only", required = false)
        String rooms() default "8000-8999";

        @AttributeDefinition(description = "Most participants of a room that is not configured")
        int max_participants() default 50;
    }

    private final Prompts prompts;
    private final Rooms rooms;
    private volatile RoomDirectory directory;
    private final List<ConfiguredRoom> configured = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    @Activate
    public MeetingsApplication(@Reference MediaEngine engine, @Reference Prompts prompts, Config config) {
        this.prompts = prompts;
        this.rooms = new Rooms(engine, name -> prompts.find(NAME, name), Clock.systemUTC());
        this.directory = directory(config);
        AtomicInteger n = new AtomicInteger();
        // Idle threads end by themselves: see deactivate().
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "meetings-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** A new range or limit applies to callers from now on; open rooms stay as they are. */
    @Modified
    void modified(Config config) {
        try {
            this.directory = directory(config);
        } catch (IllegalArgumentException e) {
            // logged; the last good range stays in force
        }
    }

    private RoomDirectory directory(Config config) {
        try {
            return new RoomDirectory(this::configuredRoom, config.rooms(), config.max_participants());
        } catch (IllegalArgumentException e) {
            LOG.error("etc/{}.cfg: {}", PID, e.getMessage());
            throw e;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRoom(ConfiguredRoom room) {
        configured.add(room);
    }

    void removeRoom(ConfiguredRoom room) {
        configured.remove(room);
    }

    private Optional<RoomSettings> configuredRoom(String number) {
        return configured.stream().map(ConfiguredRoom::settings).filter(s -> s.number().equals(number)).findFirst();
    }

    @Override
    public void handle(ApplicationCall call) {
        LOG.info("Meetings: {} from {} for room '{}'", call.id(), call.caller(), call.argument());
        executor.execute(() -> new MeetingSession(call, directory, rooms, prompts, executor).start());
    }

    @Override
    public List<RoomView> rooms() {
        return rooms.list();
    }

    @Override
    public Optional<RoomView> room(String number) {
        return rooms.room(number);
    }

    @Override
    public boolean kick(String room, String participant) {
        return rooms.kick(room, participant);
    }

    @Override
    public boolean mute(String room, String participant, boolean muted) {
        Participant p = rooms.find(room, participant);
        if (p == null || !rooms.mute(room, participant, muted)) {
            return false;
        }
        prompts.find(NAME, muted ? "muted" : "unmuted").ifPresent(a -> p.call().leg().play(List.of(a), false));
        return true;
    }

    /**
     * As the SPI asks, removing the application affects only new calls: the open rooms keep
     * mixing in the engine until their participants hang up. New callers reach the next
     * instance (after a restart of a service this one needs) in rooms of its own.
     */
    @Deactivate
    void deactivate() {
        int open = rooms.list().size();
        if (open > 0) {
            LOG.info("Meetings stopping: {} open room(s) go on until their participants hang up", open);
        }
    }
}
