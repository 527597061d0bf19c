package org.switchboard.meetings.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.switchboard.api.client.ClientFeature;

/**
 * The softphone's meetings panel (join a room by its number): listed in
 * {@code /api/client-config} while this bundle runs, with the room numbers any caller may
 * open ({@code rooms}, as configured for the application).
 */
@Component(service = ClientFeature.class, configurationPid = MeetingsApplication.PID)
public class MeetingsClientFeature implements ClientFeature {
    private volatile Map<String, Object> settings;

    @Activate
    public MeetingsClientFeature(MeetingsApplication.Config config) {
        modified(config);
    }

    @Modified
    void modified(MeetingsApplication.Config config) {
        this.settings = Map.of("rooms", config.rooms() == null ? "" : config.rooms().trim());
    }

    @Override
    public String id() {
        return MeetingsApplication.NAME;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }
}
