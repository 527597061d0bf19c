package org.switchboard.sip.internal.handler;

import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.sip.handler.SipRequestHandler;
import org.switchboard.api.sip.subscription.EventPackage;

/**
 * The plugins' SIP services as they come and go: request handlers by method (and event package
 * for PUBLISH), event packages by name. Bound before the SIP server starts and while it runs.
 */
public final class PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Whiteboard<SipRequestHandler> handlers = new Whiteboard<>();
    private final Whiteboard<EventPackage> packages = new Whiteboard<>();
    private volatile Consumer<String> packageGone = e -> { };

    /** @param listener told the name of an event package no service serves any more */
    void onPackageGone(Consumer<String> listener) {
        this.packageGone = listener;
    }

    /** @return the handler for a method (and, for PUBLISH, an event package), or null */
    SipRequestHandler handler(String method, String event) {
        return handlers.best(key(method, event));
    }

    /** @return the event package served under a name, or null */
    EventPackage eventPackage(String name) {
        return packages.best(name);
    }

    public void addHandler(SipRequestHandler h, Map<String, Object> props) {
        String method = Whiteboard.key(props.get(SipRequestHandler.METHOD), true);
        if (method == null) {
            LOG.error("The SipRequestHandler {} has no {} service property, so it gets no request: set it to the method it answers",
                    h.getClass().getName(), SipRequestHandler.METHOD);
            return;
        }
        handlers.add(key(method, Whiteboard.key(props.get(SipRequestHandler.EVENT), false)), h, props);
        LOG.info("SIP {} requests go to {}", key(method, Whiteboard.key(props.get(SipRequestHandler.EVENT), false)),
                h.getClass().getName());
    }

    public void removeHandler(SipRequestHandler h, Map<String, Object> props) {
        String method = Whiteboard.key(props.get(SipRequestHandler.METHOD), true);
        if (method != null) {
            handlers.remove(key(method, Whiteboard.key(props.get(SipRequestHandler.EVENT), false)), h);
        }
    }

    public void addPackage(EventPackage p, Map<String, Object> props) {
        String event = Whiteboard.key(props.get(EventPackage.EVENT), false);
        if (event == null) {
            LOG.error("The EventPackage {} has no {} service property, so it gets no SUBSCRIBE: set it to the package name",
                    p.getClass().getName(), EventPackage.EVENT);
            return;
        }
        packages.add(event, p, props);
        LOG.info("SIP event package {} is served by {}", event, p.getClass().getName());
    }

    public void removePackage(EventPackage p, Map<String, Object> props) {
        String event = Whiteboard.key(props.get(EventPackage.EVENT), false);
        if (event == null) {
            return;
        }
        packages.remove(event, p);
        if (!packages.has(event)) {
            packageGone.accept(event);
        }
    }

    private static String key(String method, String event) {
        return event == null ? method : method + " " + event;
    }
}
