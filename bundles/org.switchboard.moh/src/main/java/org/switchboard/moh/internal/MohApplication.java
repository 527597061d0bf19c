package org.switchboard.moh.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.app.MusicOnHold;
import org.switchboard.api.media.MediaOperation;

/** {@code application:moh}: the caller hears the music on hold until they hang up (for testing). */
@Component(property = CallApplication.NAME + "=moh")
public class MohApplication implements CallApplication {
    private final MusicOnHold music;
    private final Set<ApplicationCall> calls = ConcurrentHashMap.newKeySet();

    @Activate
    public MohApplication(@Reference MusicOnHold music) {
        this.music = music;
    }

    @Override
    public void handle(ApplicationCall call) {
        calls.add(call);
        MediaOperation<Void> op = music.play(call.leg());
        call.ended().whenComplete((v, e) -> {
            calls.remove(call);
            op.stop();
        });
    }

    @Deactivate
    void deactivate() {
        calls.forEach(ApplicationCall::hangup);
    }
}
