package org.switchboard.sip.internal.app;

import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.switchboard.api.dialplan.DialPlan;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.proxy.DialPlanOutcome;
import org.switchboard.sip.internal.proxy.Target;
import org.switchboard.sip.internal.proxy.TargetResolver;

/**
 * Where {@link org.switchboard.api.app.ApplicationCall#connect} calls: a user name, number or
 * SIP URI goes through the dial plan (when there is one) and then to the registered devices
 * of the user, with the same flows (WebSocket, TCP, NAT) the proxy uses.
 */
final class ConnectTargets {
    private ConnectTargets() {
    }

    sealed interface Resolved permits Devices, Status, Application {
    }

    /** Call these devices; {@code to} is the address of record for the To header. */
    record Devices(Address to, List<Target> targets) implements Resolved {
    }

    /** Nobody to call: the outcome. */
    record Status(int status) implements Resolved {
    }

    /** The target is an application: hand the call over. */
    record Application(String name, String argument) implements Resolved {
    }

    static Resolved resolve(CallContext host, String callerUser, String target) {
        SipContext sip = host.sip();
        String user = target == null ? "" : target.trim();
        try {
            if (user.startsWith("sip:") || user.startsWith("sips:")) {
                URI uri = sip.addresses().createURI(user);
                if (!(uri instanceof SipURI s) || !sip.addressesUs(s)) {
                    return new Devices(sip.addresses().createAddress(uri), List.of(new Target(user, List.of(), null)));
                }
                user = s.getUser() == null ? "" : s.getUser();
            }
            if (user.isEmpty()) {
                return new Status(404);
            }
            DialPlan plan = host.services().dialPlan();
            if (plan != null) {
                DialPlanOutcome.Outcome o = DialPlanOutcome.of(plan.route(callerUser, user), Request.INVITE);
                if (o instanceof DialPlanOutcome.Refuse r) {
                    return new Status(r.status());
                }
                if (o instanceof DialPlanOutcome.ToApplication a) {
                    return new Application(a.name(), a.argument());
                }
                user = ((DialPlanOutcome.ToUser) o).user();
            }
            SipURI aor = sip.addresses().createSipURI(user, sip.domains().canonical());
            TargetResolver.Decision d = host.resolver().initial(aor);
            if (d instanceof TargetResolver.Reject r) {
                return new Status(r.status());
            }
            return new Devices(sip.addresses().createAddress(aor), ((TargetResolver.Forward) d).targets());
        } catch (java.text.ParseException | RuntimeException e) {
            return new Status(404);
        }
    }
}
