package org.switchboard.moh.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.media.MediaOperation;

/** {@code application:moh}: the caller hears the music on hold until they hang up (for testing). */
@Component(property = CallApplication.NAME + "=moh")
public class MohApplication implements CallApplication {
    private final MusicOnHold music;

    @Activate
    public MohApplication(@Reference MusicOnHold music) {
        this.music = music;
    }

    @Override
    public void handle(ApplicationCall call) {
        MediaOperation<Void> op = music.play(call.leg());
        call.ended().whenComplete((v, e) -> {
            op.stop();
        });
    }
}
