package org.switchboard.sip.internal.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's listening points, kept serving: {@link #watch()} (every few seconds) restarts a
 * listener whose receive threads died or whose socket closed, as {@code bundle:restart} would by
 * hand; an administrator may also stop one (draining a node before maintenance: a load balancer's
 * probe then sees it down) and start it again. A listener stopped on purpose is not restarted.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final SwitchboardStack stack;
    private final SipProvider provider;
    private final List<Transport> transports;
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();

    public Listeners(SwitchboardStack stack, SipProvider provider, List<Transport> transports) {
        this.stack = stack;
        this.provider = provider;
        this.transports = List.copyOf(transports);
    }

    /** @return the state of one transport's listener; not receiving when it is missing or stopped */
    public ListenerState state(Transport t) {
        if (stopped.contains(t.name())) {
            return new ListenerState(t.name(), t.port(), false, 0, -1);
        }
        return stack.listenerStates().stream().filter(s -> s.transport().equals(t.name()) && s.port() == t.port())
                .findFirst().orElse(new ListenerState(t.name(), t.port(), false, 0, -1));
    }

    /** @return whether an administrator stopped the transport's listener */
    public boolean stoppedByAdministrator(String transport) {
        return stopped.contains(transport.toUpperCase(Locale.ROOT));
    }

    /** @return how many times the transport's listener was restarted after it failed */
    public int restarts(String transport) {
        return restarts.getOrDefault(transport, 0);
    }

    /** Restarts every listener that stopped receiving without being told to. */
    public void watch() {
        for (Transport t : transports) {
            try {
                if (!stopped.contains(t.name()) && !state(t).receiving()) {
                    LOG.error("The SIP {} listener on port {} stopped receiving: restarting it", t.name(), t.port());
                    restart(t);
                    restarts.merge(t.name(), 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not restart the SIP {} listener on port {}: {}; trying again shortly", t.name(), t.port(),
                        e.toString(), e);
            }
        }
    }

    /** Stops a transport's listener until {@link #start(String)}; false if there is no such transport. */
    public synchronized boolean stop(String transport) {
        Transport t = find(transport);
        if (t == null) {
            return false;
        }
        stopped.add(t.name());
        remove(t);
        LOG.warn("The SIP {} listener on port {} was stopped by an administrator", t.name(), t.port());
        return true;
    }

    /** Starts a transport's listener again; false if there is no such transport. */
    public synchronized boolean start(String transport) {
        Transport t = find(transport);
        if (t == null) {
            return false;
        }
        if (stopped.remove(t.name()) || !state(t).receiving()) {
            restart(t);
        }
        LOG.info("The SIP {} listener on port {} was started by an administrator", t.name(), t.port());
        return true;
    }

    private Transport find(String transport) {
        return transports.stream().filter(t -> t.name().equalsIgnoreCase(transport)).findFirst().orElse(null);
    }

    private synchronized void restart(Transport t) {
        remove(t);
        try {
            ListeningPoint lp = stack.createListeningPoint(t.bindAddress(), t.port(), t.name());
            provider.addListeningPoint(lp);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + t.uri() + ": " + e.getMessage(), e);
        }
    }

    private void remove(Transport t) {
        ListeningPoint lp = provider.getListeningPoint(t.name());
        if (lp == null) {
            return;
        }
        try {
            provider.removeListeningPoint(lp);
            stack.deleteListeningPoint(lp);
        } catch (Exception e) {
            LOG.warn("Could not remove the SIP {} listening point cleanly: {}", t.name(), e.toString());
        }
    }
}
