package org.switchboard.sip.internal.transport;

import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import java.util.function.Supplier;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * Lets the proxy choose the next hop of a request itself, for example the WebSocket or TCP
 * connection a client registered over (RFC 5626 flows), and otherwise routes as RFC 3263
 * says (Route, then Request-URI) through the stack's default router.
 */
public final class FlowRouter implements Router {
    private static final ThreadLocal<Hop> FORCED = new ThreadLocal<>();
    private final DefaultRouter standard;

    public FlowRouter(SipStack stack) {
        this.standard = new DefaultRouter(stack, null);
    }

    /**
     * Runs an action (creating a client transaction, sending statelessly) with the next hop
     * of the requests it sends forced to the given one.
     */
    public static <T> T via(Hop hop, Supplier<T> action) {
        if (hop == null) {
            return action.get();
        }
        FORCED.set(hop);
        try {
            return action.get();
        } finally {
            FORCED.remove();
        }
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop forced = FORCED.get();
        return forced != null ? forced : standard.getNextHop(request);
    }

    @Override
    public ListIterator<?> getNextHops(Request request) {
        return standard.getNextHops(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return null;
    }
}
