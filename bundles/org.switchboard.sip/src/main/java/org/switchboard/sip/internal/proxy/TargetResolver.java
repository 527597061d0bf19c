package org.switchboard.sip.internal.proxy;

import java.util.List;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.switchboard.api.directory.UserDirectory;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.Flow;
import org.switchboard.api.location.LocationStore;
import org.switchboard.sip.internal.core.SipContext;

/**
 * Decides where a request goes: the bindings of a local user (forking to all of them), a
 * registered contact (in-dialog requests to a client behind NAT or on a WebSocket), or
 * another domain.
 */
public final class TargetResolver {
    /** The routing decision. */
    public sealed interface Decision permits Forward, Reject {
    }

    /** Forward to these targets, in parallel. */
    public record Forward(List<Target> targets) implements Decision {
    }

    /** Answer with this status. */
    public record Reject(int status, String reason) implements Decision {
    }

    private final SipContext sip;
    private final LocationStore location;
    private final UserDirectory directory;

    public TargetResolver(SipContext sip, LocationStore location, UserDirectory directory) {
        this.sip = sip;
        this.location = location;
        this.directory = directory;
    }

    /** @return whether the URI is the registered contact of a device (addressed directly, not through the dial plan) */
    public boolean isRegisteredContact(URI ruri) {
        return location.findByContact(ruri.toString()) != null;
    }

    /** Resolves the Request-URI of a request that starts something new (no To tag). */
    public Decision initial(URI ruri) {
        return initial(ruri, false);
    }

    /**
     * As {@link #initial(URI)}; for a caller that did not authenticate (another domain's), an
     * unknown user gets the same answer as an existing one who is offline (480), so that such
     * requests cannot tell which accounts exist.
     */
    public Decision initial(URI ruri, boolean stranger) {
        if (!(ruri instanceof SipURI uri)) {
            return new Reject(416, "Unsupported URI Scheme");
        }
        Binding contact = location.findByContact(ruri.toString());
        if (contact != null) {
            return new Forward(List.of(toTarget(contact)));
        }
        if (!this.sip.addressesUs(uri)) {
            return new Forward(List.of(new Target(ruri.toString(), List.of(), null)));
        }
        String user = uri.getUser();
        if (user == null || directory.find(user).isEmpty()) {
            return stranger ? new Reject(480, "Temporarily Unavailable") : new Reject(404, "Not Found");
        }
        List<Binding> bindings = location.lookup(sip.domains().aor(user));
        if (bindings.isEmpty()) {
            return new Reject(480, "Temporarily Unavailable");
        }
        return new Forward(bindings.stream().map(TargetResolver::toTarget).toList());
    }

    /**
     * Resolves an in-dialog request once our own Route entries are removed.
     *
     * @param ruri its Request-URI (the remote target)
     * @param hasRoute whether Route entries of other proxies remain
     * @param source the flow it arrived on
     * @param token the flow recorded in our Record-Route, or null
     */
    public Target inDialog(URI ruri, boolean hasRoute, Flow source, Flow token) {
        if (hasRoute) {
            return new Target(ruri.toString(), List.of(), null);
        }
        if (token != null && !token.equals(source)) {
            return new Target(ruri.toString(), List.of(), token);
        }
        if (ruri instanceof SipURI) {
            Binding b = location.findByContact(ruri.toString());
            if (b != null && FlowPolicy.useFlow(b)) {
                return new Target(ruri.toString(), List.of(), b.flow());
            }
        }
        return new Target(ruri.toString(), List.of(), null);
    }

    private static Target toTarget(Binding b) {
        return new Target(b.contact(), b.path(), b.path().isEmpty() && FlowPolicy.useFlow(b) ? b.flow() : null);
    }
}
