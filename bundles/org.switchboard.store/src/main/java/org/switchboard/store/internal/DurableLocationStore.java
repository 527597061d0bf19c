package org.switchboard.store.internal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.event.PlatformEvents;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.LocationStore;

/**
 * The location store: bindings live in memory, so lookups never wait for I/O, and a single
 * writer thread copies changed AORs to the database, so registrations survive a restart of any
 * bundle or of the platform, and a crash. {@link #store} completes when its change is committed:
 * the writer commits everything that changed since its last commit in one transaction (a group
 * commit), so the registrar's 200 means "stored" without one commit per REGISTER. A refresh that
 * changes nothing but a little expiry time is not written (see {@link RefreshOnly}).
 */
@Component(service = LocationStore.class)
public class DurableLocationStore implements LocationStore {
    private static final Logger LOG = LoggerFactory.getLogger(DurableLocationStore.class);
    private static final Comparator<Binding> BY_Q = Comparator.comparing(Binding::q).reversed()
            .thenComparing(Binding::expires, Comparator.reverseOrder());

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final DataSource db;
    private final Clock clock;
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();
    private final Map<String, Binding> byContact = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Binding>> persisted = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean flushScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final Object batchLock = new Object();
    /** Completes when the changes made since the last commit are committed. */
    private CompletableFuture<Void> batch = new CompletableFuture<>();
    private final EventPublisher events = new EventPublisher();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "switchboard-location-writer"));

    @Activate
    public DurableLocationStore(@Reference(target = "(dataSourceName=switchboard)") DataSource db) throws SQLException {
        this(db, Clock.systemUTC());
    }

    DurableLocationStore(DataSource db, Clock clock) throws SQLException {
        this.db = db;
        this.clock = clock;
        try (Connection c = db.getConnection()) {
            LocationRows.loadAll(c, clock.instant()).forEach((aor, list) -> {
                putInMemory(aor, list);
                persisted.put(aor, List.copyOf(list));
            });
        }
        LOG.info("Location store loaded {} addresses of record", bindings.size());
        writer.scheduleWithFixedDelay(this::purgeQuietly, 30, 30, TimeUnit.SECONDS);
    }

    @Deactivate
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    @Override
    public List<Binding> lookup(String aor) {
        List<Binding> list = bindings.get(aor);
        if (list == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return list.stream().filter(b -> !b.expiredAt(now)).toList();
    }

    @Override
    public void replace(String aor, List<Binding> newBindings) {
        store(aor, newBindings);
    }

    @Override
    public CompletionStage<Void> store(String aor, List<Binding> newBindings) {
        putInMemory(aor, newBindings);
        if (RefreshOnly.isRefresh(persisted.get(aor), newBindings)) {
            return DONE;
        }
        CompletableFuture<Void> committed;
        synchronized (batchLock) {
            dirty.add(aor);
            committed = batch;
        }
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::flush);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                flushScheduled.set(false);
                return CompletableFuture.failedFuture(new SQLException("the location store is stopping"));
            }
        }
        return committed;
    }

    private void putInMemory(String aor, List<Binding> newBindings) {
        List<Binding> sorted = new ArrayList<>(newBindings);
        sorted.sort(BY_Q);
        List<Binding> old = sorted.isEmpty() ? bindings.remove(aor) : bindings.put(aor, List.copyOf(sorted));
        if (old != null) {
            old.forEach(b -> byContact.remove(b.contact(), b));
        }
        sorted.forEach(b -> byContact.put(b.contact(), b));
        RegistrationChanges.of(old, sorted, clock.instant()).forEach(c -> events.post(c.topic(), c.properties()));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents e) {
        events.set(e);
    }

    void unsetEvents(PlatformEvents e) {
        events.unset(e);
    }

    @Override
    public Binding findByContact(String contact) {
        Binding b = byContact.get(contact);
        return b == null || b.expiredAt(clock.instant()) ? null : b;
    }

    @Override
    public Map<String, List<Binding>> all() {
        Map<String, List<Binding>> out = new HashMap<>();
        for (String aor : bindings.keySet()) {
            List<Binding> live = lookup(aor);
            if (!live.isEmpty()) {
                out.put(aor, live);
            }
        }
        return out;
    }

    @Override
    public int purgeExpired(Instant now) {
        int dropped = 0;
        for (Map.Entry<String, List<Binding>> e : bindings.entrySet()) {
            List<Binding> live = e.getValue().stream().filter(b -> !b.expiredAt(now)).toList();
            if (live.size() != e.getValue().size()) {
                dropped += e.getValue().size() - live.size();
                replace(e.getKey(), live);
            }
        }
        return dropped;
    }

    private void purgeQuietly() {
        try {
            purgeExpired(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Purging expired bindings failed", e);
        }
    }

    /** Writes every changed AOR to the database. Runs on the writer thread, or at shutdown. */
    synchronized void flush() {
        CompletableFuture<Void> committing;
        synchronized (batchLock) {
            committing = batch;
            batch = new CompletableFuture<>();
            flushScheduled.set(false);
        }
        if (dirty.isEmpty()) {
            committing.complete(null);
            return;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (Iterator<String> it = dirty.iterator(); it.hasNext();) {
                String aor = it.next();
                it.remove();
                List<Binding> current = bindings.getOrDefault(aor, List.of());
                LocationRows.write(c, aor, current);
                if (current.isEmpty()) {
                    persisted.remove(aor);
                } else {
                    persisted.put(aor, current);
                }
            }
            c.commit();
            committing.complete(null);
        } catch (SQLException | RuntimeException e) {
            committing.completeExceptionally(e);
            LOG.error("Could not save registrations to the database ({}); they are kept in memory "
                    + "and will be lost at restart. Check the database settings in etc/org.switchboard.store.cfg", e.toString());
        }
    }
}
