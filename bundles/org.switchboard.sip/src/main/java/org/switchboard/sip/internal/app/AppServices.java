package org.switchboard.sip.internal.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.api.app.CallApplication;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.api.media.MediaEngine;

/**
 * The optional services call routing and application hosting use, as the SIP server's
 * dynamic references deliver them. Any of them may come and go while calls run: a call keeps
 * what it already holds (its media leg, its application), new calls see the current set.
 */
public final class AppServices {
    /** Service property of a {@link CallApplication}: ring this long (180) before answering. */
    public static final String ANSWER_DELAY = "switchboard.application.answer.delay.ms";

    private record Registered(CallApplication app, String name, long delayMs, int ranking, long serviceId) {
    }

    private final CopyOnWriteArrayList<Registered> applications = new CopyOnWriteArrayList<>();
    private final Map<Object, Object> singles = new ConcurrentHashMap<>();

    public void addApplication(CallApplication app, Map<String, Object> props) {
        Object name = props.get(CallApplication.NAME);
        if (name == null || name.toString().isBlank()) {
            org.slf4j.LoggerFactory.getLogger(AppServices.class).warn(
                    "A CallApplication ({}) has no {} service property: no number can reach it", app.getClass().getName(),
                    CallApplication.NAME);
            return;
        }
        applications.add(new Registered(app, name.toString(), number(props.get(ANSWER_DELAY)),
                (int) number(props.get("service.ranking")), number(props.get("service.id"))));
    }

    public void removeApplication(CallApplication app, Map<String, Object> props) {
        applications.removeIf(r -> r.app == app && r.serviceId == number(props.get("service.id")));
    }

    /** @return the application registered under the name (highest ranking, then oldest), or null */
    public CallApplication application(String name) {
        Registered r = find(name);
        return r == null ? null : r.app;
    }

    /** @return how long the application wants the caller to hear ringing first, in ms */
    long answerDelayMs(String name) {
        Registered r = find(name);
        return r == null ? 0 : Math.max(0, Math.min(r.delayMs, 60_000));
    }

    private Registered find(String name) {
        Registered best = null;
        for (Registered r : applications) {
            if (r.name.equals(name) && (best == null || r.ranking > best.ranking
                    || r.ranking == best.ranking && r.serviceId < best.serviceId)) {
                best = r;
            }
        }
        return best;
    }

    public <T> void set(Class<T> type, T service) {
        singles.put(type, service);
    }

    /** Removes a service, unless another one replaced it already (greedy rebinding binds first). */
    public <T> void unset(Class<T> type, T service) {
        singles.remove(type, service);
    }

    public DialPlan dialPlan() {
        return (DialPlan) singles.get(DialPlan.class);
    }

    MediaEngine engine() {
        return (MediaEngine) singles.get(MediaEngine.class);
    }

    MusicOnHold musicOnHold() {
        return (MusicOnHold) singles.get(MusicOnHold.class);
    }

    private static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(o.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
