package org.switchboard.platform.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class QueuedPlatformEventsTest {
    /** Event Admin's synchronous delivery as the queue's thread sees it; it can be held to fill the queue. */
    static final class Delivery implements EventAdmin {
        final List<Event> received = new CopyOnWriteArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean held;

        @Override
        public void postEvent(Event event) {
            throw new UnsupportedOperationException("the queue delivers synchronously from its own thread");
        }

        @Override
        public void sendEvent(Event event) {
            if (held) {
                try {
                    open.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (event.getTopic().endsWith("/FAIL")) {
                throw new IllegalStateException("a handler failed");
            }
            received.add(event);
        }
    }

    private static QueuedPlatformEvents.Config size(int n) {
        return new QueuedPlatformEvents.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QueuedPlatformEvents.Config.class;
            }

            @Override
            public int queue_size() {
                return n;
            }
        };
    }

    @Test
    void eventsArriveInOrderWithATimestampAndAFailingHandlerStopsNothing() throws Exception {
        Delivery admin = new Delivery();
        QueuedPlatformEvents events = new QueuedPlatformEvents(size(100), admin);
        try {
            long before = System.currentTimeMillis();
            for (int i = 0; i < 50; i++) {
                assertTrue(events.post(i == 10 ? "org/switchboard/test/FAIL" : "org/switchboard/test/E", Map.of("n", i)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admin.received.size() == 49);
            List<Object> order = admin.received.stream().map(e -> e.getProperty("n")).toList();
            assertEquals(0, order.get(0));
            assertEquals(11, order.get(10), "the failed event is skipped, the next ones come: " + order);
            assertEquals(49, order.get(48));
            assertTrue((Long) admin.received.get(0).getProperty("timestamp") >= before);
        } finally {
            events.deactivate();
        }
    }

    @Test
    void aFullQueueDropsNewEventsInsteadOfGrowing() throws Exception {
        Delivery admin = new Delivery();
        admin.held = true;
        QueuedPlatformEvents events = new QueuedPlatformEvents(size(3), admin);
        try {
            int accepted = 0;
            for (int i = 0; i < 10; i++) {
                accepted += events.post("org/switchboard/test/E", Map.of("n", i)) ? 1 : 0;
            }
            // the delivery thread holds one event, the queue three more at most
            assertTrue(accepted <= 4 && accepted >= 3, "accepted " + accepted);
            assertFalse(events.post("org/switchboard/test/E", Map.of("n", 99)));
            admin.open.countDown();
            int expected = accepted;
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admin.received.size() == expected);
            assertTrue(events.post("org/switchboard/test/E", Map.of("n", 100)), "room again once delivered");
        } finally {
            events.deactivate();
        }
    }

    @Test
    void dropsAreReportedOncePerPeriodWithTheirCount() {
        AtomicLong now = new AtomicLong(1_000);
        DropReport report = new DropReport(60_000, now::get);
        String first = report.dropped("org/switchboard/a/X");
        assertNotNull(first);
        assertTrue(first.startsWith("1 platform event(s) dropped (last: org/switchboard/a/X; 1 since start)"), first);
        assertNull(report.dropped("org/switchboard/a/Y"));
        assertNull(report.dropped("org/switchboard/a/Y"));
        now.addAndGet(60_000);
        String next = report.dropped("org/switchboard/a/Z");
        assertTrue(next.startsWith("3 platform event(s) dropped (last: org/switchboard/a/Z; 4 since start)"), next);
        assertEquals(4, report.total());
    }
}
