package org.switchboard.sip.internal.proxy;

import org.switchboard.sip.internal.dialog.NextHop;

import gov.nist.javax.sip.stack.HopImpl;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.api.location.Flow;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.transport.ConnectionWatch;
import org.switchboard.sip.internal.transport.FlowRouter;

/**
 * Builds and sends the forwarded copies of a request (RFC 3261 section 16.6): Request-URI,
 * Path routes, Max-Forwards, Record-Route (doubled when the transport changes, RFC 5658)
 * and the proxy's Via, then sends over the chosen flow.
 */
final class Forwarder {
    static final String BRANCH_PREFIX = "z9hG4bKsb";
    private static final int DEFAULT_MAX_FORWARDS = 70;

    private final SipContext sip;
    private final String realm;
    private final AtomicLong counter = new AtomicLong();

    private final FlowToken tokens;
    private final ConnectionWatch connections;

    Forwarder(SipContext sip, String realm, FlowToken tokens, ConnectionWatch connections) {
        this.sip = sip;
        this.tokens = tokens;
        this.realm = realm;
        this.connections = connections;
    }

    /** A forwarded copy, ready to send, and the hop it must go to. */
    record Prepared(Request request, Hop hop) {
    }

    /**
     * @param reuse whether {@code work} may itself become the forwarded copy (its last use):
     *     saves a deep clone of the message on the common single-target path
     */
    Prepared prepare(Request work, Target target, Flow source, boolean recordRoute, String loopHash, boolean reuse)
            throws ParseException, SipException, InvalidArgumentException {
        Request fwd = reuse ? work : (Request) work.clone();
        if (!target.uri().equals(fwd.getRequestURI().toString())) {
            fwd.setRequestURI(sip.addresses().createURI(target.uri()));
        }
        for (int i = target.path().size() - 1; i >= 0; i--) {
            fwd.addFirst(sip.headers().createRouteHeader(sip.addresses().createAddress(target.path().get(i))));
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) fwd.getHeader(MaxForwardsHeader.NAME);
        if (mf == null) {
            fwd.addHeader(sip.headers().createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
        } else {
            mf.setMaxForwards(mf.getMaxForwards() - 1);
        }
        removeOwnCredentials(fwd);
        Hop hop = target.flow() != null ? hopOf(target.flow()) : NextHop.of(fwd);
        String transport = hop.getTransport().toUpperCase(Locale.ROOT);
        if (sip.listeningPoint(transport) == null) {
            throw new SipException("transport " + transport + " is not enabled");
        }
        if (recordRoute) {
            recordRoute(fwd, source, transport, hop);
        }
        String branch = BRANCH_PREFIX + loopHash + "." + Long.toHexString(counter.incrementAndGet());
        ViaHeader via = sip.headers().createViaHeader(sip.hostFacing(hop.getHost()), sip.ports().get(transport),
                transport, branch);
        fwd.addFirst(via);
        return new Prepared(fwd, hop);
    }

    /**
     * Sends in a new client transaction whose application data is set before the request leaves.
     * A branch sent over a connection ends as a transport failure when the connection closes.
     */
    ClientTransaction send(Prepared p, Branch branch) throws SipException {
        ClientTransaction ct = FlowRouter.via(p.hop(), () -> {
            try {
                return sip.provider().getNewClientTransaction(p.request());
            } catch (SipException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        ct.setApplicationData(branch);
        branch.attach(ct);
        if (connections != null) {
            Runnable unwatch = connections.watch(ct, () -> branch.owner.onFlowFailed(branch));
            synchronized (branch.owner) {
                branch.unwatch = unwatch;
            }
        }
        ct.sendRequest();
        return ct;
    }

    void sendStateless(Prepared p) throws SipException {
        FlowRouter.via(p.hop(), () -> {
            try {
                sip.provider().sendRequest(p.request());
                return null;
            } catch (SipException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    void cancel(Branch b) throws SipException {
        Request cancel = b.ct.createCancel();
        ClientTransaction ct = FlowRouter.via(b.hop, () -> {
            try {
                return sip.provider().getNewClientTransaction(cancel);
            } catch (SipException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        ct.sendRequest();
    }

    private void recordRoute(Request fwd, Flow source, String outTransport, Hop hop) throws ParseException, SipException {
        String outHost = sip.hostFacing(hop.getHost());
        String inHost = sip.hostFacing(source.remoteAddress());
        String token = source.connectionOriented() ? tokens.encode(source) : null;
        boolean twoSides = !outTransport.equals(source.transport()) || !outHost.equals(inHost);
        if (twoSides) {
            fwd.addFirst(recordRouteHeader(inHost, source.transport(), token));
            fwd.addFirst(recordRouteHeader(outHost, outTransport, null));
        } else {
            fwd.addFirst(recordRouteHeader(outHost, outTransport, token));
        }
    }

    private RecordRouteHeader recordRouteHeader(String host, String transport, String token) throws ParseException {
        SipURI uri = sip.addresses().createSipURI(null, host);
        Integer port = sip.ports().get(transport);
        if (port != null) {
            uri.setPort(port);
        }
        uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        uri.setLrParam();
        if (token != null) {
            uri.setParameter(FlowToken.PARAM, token);
        }
        return sip.headers().createRecordRouteHeader(sip.addresses().createAddress(uri));
    }

    private void removeOwnCredentials(Request fwd) {
        ListIterator<?> it = fwd.getHeaders(ProxyAuthorizationHeader.NAME);
        java.util.List<ProxyAuthorizationHeader> keep = new java.util.ArrayList<>();
        while (it.hasNext()) {
            ProxyAuthorizationHeader h = (ProxyAuthorizationHeader) it.next();
            if (!realm.equals(h.getRealm())) {
                keep.add(h);
            }
        }
        fwd.removeHeader(ProxyAuthorizationHeader.NAME);
        keep.forEach(fwd::addHeader);
    }

    static Hop hopOf(Flow flow) {
        return new HopImpl(flow.remoteAddress(), flow.remotePort(), flow.transport());
    }


}
