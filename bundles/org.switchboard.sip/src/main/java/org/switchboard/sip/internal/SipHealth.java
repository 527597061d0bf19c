package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.health.Health;
import org.switchboard.api.health.HealthIndicator;
import org.switchboard.sip.internal.overload.LoadGate;
import org.switchboard.sip.internal.transport.ListenerState;
import org.switchboard.sip.internal.transport.Listeners;
import org.switchboard.sip.internal.transport.Transport;

/**
 * The SIP core's part of {@code /api/health}: one indicator per listener ({@code sip-udp},
 * {@code sip-tcp}, ...), DOWN when it does not receive, and {@code sip-overload} with the queue
 * depths and what was shed, which is UP while the core sheds: refusing load is serving.
 */
final class SipHealth {
    private final List<ServiceRegistration<HealthIndicator>> registrations = new ArrayList<>();

    SipHealth(BundleContext context, List<Transport> transports, Listeners listeners, LoadGate gate) {
        for (Transport t : transports) {
            register(context, "sip-" + t.name().toLowerCase(Locale.ROOT), () -> listener(listeners, t));
        }
        register(context, "sip-overload", () -> overload(gate));
    }

    private static Health listener(Listeners listeners, Transport t) {
        ListenerState s = listeners.state(t);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("uri", t.uri());
        d.put("receiving", s.receiving());
        d.put("queued", s.queued());
        if (s.lastReceivedMillisAgo() >= 0) {
            d.put("lastReceivedMillisAgo", s.lastReceivedMillisAgo());
        }
        d.put("restarts", listeners.restarts(t.name()));
        if (s.receiving()) {
            return Health.up(d);
        }
        d.put("reason", listeners.stoppedByAdministrator(t.name()) ? "stopped by an administrator (sip:listener-start "
                + t.name() + ")" : "not receiving; the platform restarts it within seconds");
        return Health.down(d);
    }

    private static Health overload(LoadGate gate) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("transactions", gate.transactions());
        d.put("transactionLimit", gate.limits().maxTransactions());
        d.put("streamMessagesWaiting", gate.pending());
        d.put("heapAfterGcPercent", gate.heap().percentAfterLastCollection());
        d.put("heapLimitPercent", gate.heap().thresholdPercent());
        d.put("refused503", gate.shedCount());
        d.put("dropped", gate.droppedCount());
        return Health.up(d);
    }

    private void register(BundleContext context, String name, java.util.function.Supplier<Health> check) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        registrations.add(context.registerService(HealthIndicator.class, new HealthIndicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return check.get();
            }
        }, props));
    }

    void close() {
        for (ServiceRegistration<HealthIndicator> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
    }
}
