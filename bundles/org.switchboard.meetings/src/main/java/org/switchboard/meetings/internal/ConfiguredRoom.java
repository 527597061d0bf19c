package org.switchboard.meetings.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One factory configuration of {@code org.switchboard.meetings.room}: a room with its own
 * settings. A bad one is logged with its key and fix and does not start; until it is fixed its
 * number is like any other (in the open range, a room without a PIN), so check the log after
 * editing a room's file.
 */
@Component(service = ConfiguredRoom.class, configurationPid = ConfiguredRoom.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredRoom.Config.class, factory = true)
public class ConfiguredRoom {
    static final String PID = "org.switchboard.meetings.room";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRoom.class);

    @ObjectClassDefinition(name = "Switchboard meeting room", description = "A meeting room with its own settings")
    @interface Config {
        @AttributeDefinition(description = "The room's number, e.g. 8100")
        String number();

        @AttributeDefinition(description = "Digits callers must enter (then #); empty for none", required = false)
        String pin() default "";

        @AttributeDefinition(description = "Whether participants join muted")
        boolean mute_on_join() default false;

        @AttributeDefinition(description = "Most participants at once (1-500)")
        int max_participants() default 50;
    }

    private final RoomSettings settings;

    @Activate
    public ConfiguredRoom(Config config, Map<String, Object> properties) {
        String file = "etc/" + properties.getOrDefault("service.pid", PID) + ".cfg";
        this.settings = parse(file, config.number(), config.pin(), config.mute_on_join(), config.max_participants());
        LOG.info("Meeting room {} configured (PIN: {}, mute on join: {}, at most {})", settings.number(),
                settings.pin().isEmpty() ? "no" : "yes", settings.muteOnJoin(), settings.maxParticipants());
    }

    static RoomSettings parse(String file, String number, String pin, boolean muteOnJoin, int max) {
        String n = number == null ? "" : number.strip();
        String p = pin == null ? "" : pin.strip();
        String problem = null;
        if (!n.matches("[0-9*#+]+")) {
            problem = "number: '" + n + "' is not a number a phone can dial, e.g. number = 8100";
        } else if (!p.matches("[0-9*]*")) {
            problem = "pin: only digits and * can be entered on a phone (# ends the PIN)";
        } else if (max < 1 || max > 500) {
            problem = "max.participants: " + max + " is not from 1 to 500";
        }
        if (problem != null) {
            LOG.error("{}: {} (this room is not available until this is fixed)", file, problem);
            throw new IllegalArgumentException(problem);
        }
        return new RoomSettings(n, p, muteOnJoin, max);
    }

    RoomSettings settings() {
        return settings;
    }
}
