package org.switchboard.platform.internal.events;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.PlatformEvents;

/**
 * {@link PlatformEvents} over Event Admin: one bounded queue and one delivery thread, so that
 * events keep their order, a publisher (a SIP worker) never waits for a subscriber, and a slow
 * subscriber costs dropped events, not memory. Drops are counted and logged once a minute.
 */
@Component(configurationPid = "org.switchboard.events")
@Designate(ocd = QueuedPlatformEvents.Config.class)
public class QueuedPlatformEvents implements PlatformEvents {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedPlatformEvents.class);

    /** Configuration, etc/org.switchboard.events.cfg. */
    @ObjectClassDefinition(name = "Switchboard platform events")
    public @interface Config {
        @AttributeDefinition(description = "Events that may wait for delivery; when full, new events are dropped and counted")
        int queue_size() default 10000;
    }

    private final BlockingQueue<Event> queue;
    private final EventAdmin admin;
    private final Thread thread;
    private final DropReport drops = new DropReport(60_000, System::currentTimeMillis);
    private final AtomicLong delivered = new AtomicLong();
    private final LongSupplier clock = System::currentTimeMillis;
    private volatile boolean running = true;

    @Activate
    public QueuedPlatformEvents(Config config, @Reference EventAdmin admin) {
        this.admin = admin;
        int size = config.queue_size();
        if (size < 1) {
            LOG.error("queue.size = {} in etc/org.switchboard.events.cfg is not above 0; using 10000. Fix the value", size);
            size = 10_000;
        }
        this.queue = new ArrayBlockingQueue<>(size);
        this.thread = new Thread(this::deliver, "switchboard-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean post(String topic, Map<String, ?> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        p.putIfAbsent(EventKeys.TIMESTAMP, clock.getAsLong());
        if (queue.offer(new Event(topic, p))) {
            return true;
        }
        String summary = drops.dropped(topic);
        if (summary != null) {
            LOG.warn(summary);
        }
        return false;
    }

    private void deliver() {
        while (running) {
            Event e;
            try {
                e = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                continue; // deactivate sets running first
            }
            if (e == null) {
                continue;
            }
            try {
                admin.sendEvent(e);
                delivered.incrementAndGet();
            } catch (Throwable t) {
                LOG.error("Delivering {} failed, going on with the next event: {}", e.getTopic(), t.toString(), t);
            }
        }
    }

    /** @return events delivered since start */
    long delivered() {
        return delivered.get();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
