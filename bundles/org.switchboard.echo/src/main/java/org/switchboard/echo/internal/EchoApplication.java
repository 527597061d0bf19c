package org.switchboard.echo.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.prompts.Prompts;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.media.MediaOperation;
import org.switchboard.api.media.PlayResult;

/**
 * {@code application:echo}: says "echo test", then sends the caller's audio back until they
 * hang up. The echo itself runs in the media engine; this class only starts it, so calls in
 * progress keep their echo when the application is removed (feature:uninstall).
 */
@Component(property = CallApplication.NAME + "=" + EchoApplication.NAME)
public class EchoApplication implements CallApplication {
    static final String NAME = "echo";
    private static final Logger LOG = LoggerFactory.getLogger(EchoApplication.class);

    private final Prompts prompts;
    private final Set<ApplicationCall> calls = ConcurrentHashMap.newKeySet();

    @Activate
    public EchoApplication(@Reference Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public void handle(ApplicationCall call) {
        LOG.info("Echo test for {} ({})", call.caller(), call.id());
        calls.add(call);
        call.ended().whenComplete((v, e) -> calls.remove(call));
        List<AudioRef> intro = new ArrayList<>();
        prompts.find(NAME, "echo-test").ifPresent(intro::add);
        intro.add(AudioRef.silence(Duration.ofMillis(300)));
        call.leg().play(intro, false).result().whenComplete((r, e) -> {
            if (calls.contains(call) && (e != null || r.end() != PlayResult.End.LEG_ENDED)) {
                MediaOperation<Void> echo = call.leg().echo();
                call.ended().whenComplete((v, x) -> echo.stop());
            }
        });
    }

    int activeCalls() {
        return calls.size();
    }
}
