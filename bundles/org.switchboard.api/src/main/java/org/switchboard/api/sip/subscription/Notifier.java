package org.switchboard.api.sip.subscription;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The core's side of event packages: plugins tell it when a resource's state changes. */
@ProviderType
public interface Notifier {

    /**
     * Sends a NOTIFY with the current state ({@link EventPackage#state}) to every active
     * subscription of the package to the resource. Returns at once; the NOTIFYs go out on SIP
     * threads.
     *
     * @param event the event package
     * @param resource the local user whose state changed
     * @return how many subscriptions are notified
     */
    int changed(String event, String resource);

    /**
     * @param event the event package
     * @param resource the local user
     * @return the active subscriptions of the package to the resource
     */
    List<Subscription> subscriptions(String event, String resource);

    /**
     * Ends every subscription of the package to the resource with a final NOTIFY
     * ({@code Subscription-State: terminated}).
     *
     * @param event the event package
     * @param resource the local user
     * @param reason the RFC 6665 reason, e.g. {@code noresource} or {@code deactivated}
     * @return how many subscriptions ended
     */
    int terminate(String event, String resource, String reason);
}
