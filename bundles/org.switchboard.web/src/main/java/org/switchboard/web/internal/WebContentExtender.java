package org.switchboard.web.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import javax.servlet.Servlet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves static web content that other bundles carry. A bundle whose manifest says
 * {@code Switchboard-Web-Content: phone} has its {@code /phone/} folder served at
 * {@code /phone/} for as long as it is active, so the softphone is updated or removed like
 * any other bundle, without restarting anything.
 */
@Component(immediate = true)
public class WebContentExtender {
    static final String HEADER = "Switchboard-Web-Content";
    private static final Logger LOG = LoggerFactory.getLogger(WebContentExtender.class);

    private final BundleTracker<ServiceRegistration<Servlet>> tracker;
    private final String instance = Long.toString(System.nanoTime(), 36);
    private final java.util.concurrent.atomic.AtomicLong registrations = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public WebContentExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<Servlet> addingBundle(Bundle bundle, BundleEvent event) {
                String root = bundle.getHeaders("").get(HEADER);
                if (root == null) {
                    return null;
                }
                root = root.trim();
                if (!root.matches("[a-z0-9][a-z0-9-]{0,31}") || root.equals("api")) {
                    LOG.error("{}: header {}: '{}' is not a valid web root; use a lower-case path segment such as 'phone'",
                            bundle.getSymbolicName(), HEADER, root);
                    return null;
                }
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, new String[] {"/" + root, "/" + root + "/*"});
                // unique per registration: Pax Web parks a servlet whose name is still taken
                // (an unregistration it has not processed yet) instead of serving it
                props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "web-content-" + root + "-"
                        + bundle.getBundleId() + "-" + instance + "-" + registrations.incrementAndGet());
                LOG.info("Serving /{}/ from {} {}", root, bundle.getSymbolicName(), bundle.getVersion());
                return context.registerService(Servlet.class, new StaticContentServlet(bundle, root), props);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Servlet> registration) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework removed it with our own bundle
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }
}
