package org.switchboard.sip.internal.handler;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.address.Address;
import org.switchboard.api.sip.subscription.Subscription;
import org.switchboard.sip.internal.dialog.SipDialog;

/** A subscription the core keeps for an event package, with its dialog and expiry timer. */
final class ActiveSubscription implements Subscription {
    private final String event;
    private final String eventId;
    private final String resource;
    private final String subscriber;
    private final String subscriberUri;
    final SipDialog dialog;
    final Address contact;
    private volatile Instant expires;
    private ScheduledFuture<?> timer;
    private boolean ended;

    ActiveSubscription(String event, String eventId, String resource, String subscriber, String subscriberUri,
            SipDialog dialog, Address contact, Instant expires) {
        this.event = event;
        this.eventId = eventId;
        this.resource = resource;
        this.subscriber = subscriber;
        this.subscriberUri = subscriberUri;
        this.dialog = dialog;
        this.contact = contact;
        this.expires = expires;
    }

    @Override
    public String id() {
        return dialog == null ? "" : dialog.key();
    }

    @Override
    public String event() {
        return event;
    }

    @Override
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public Optional<String> subscriber() {
        return Optional.ofNullable(subscriber);
    }

    @Override
    public String subscriberUri() {
        return subscriberUri;
    }

    @Override
    public Instant expires() {
        return expires;
    }

    /** @return the index key of its package and resource */
    String watched() {
        return watched(event, resource);
    }

    static String watched(String event, String resource) {
        return event + '|' + resource;
    }

    /** Moves its end; the previous timer is cancelled. False if it has ended meanwhile. */
    synchronized boolean renew(Instant until, ScheduledFuture<?> next) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = next;
        if (ended) {
            next.cancel(false);
            return false;
        }
        expires = until;
        return true;
    }

    /** Marks it ended; true the first time only. */
    synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    @Override
    public String toString() {
        return event + " subscription of " + subscriberUri + " to " + resource + " until " + expires;
    }
}
