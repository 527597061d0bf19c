package org.switchboard.sip.internal.dialog;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.dialog.NextHop;
import org.switchboard.sip.internal.transport.FlowRouter;

/**
 * One SIP dialog the platform is an endpoint of (RFC 3261 section 12): its identifiers, route
 * set and remote target, and the requests the platform sends in it.
 */
public final class SipDialog {
    public static final String BRANCH_PREFIX = "z9hG4bKapp";

    private final SipContext sip;
    public final String callId;
    public final Address localAddress;
    public final String localTag;
    public final Address remoteAddress;
    public final String remoteTag;
    private final URI remoteTarget;
    private final List<Address> routeSet;
    private final Hop forced;
    private final AtomicLong cseq;

    public SipDialog(SipContext sip, String callId, Address localAddress, String localTag, Address remoteAddress, String remoteTag,
            URI remoteTarget, List<Address> routeSet, Hop forced, long cseq) {
        this.sip = sip;
        this.callId = callId;
        this.localAddress = localAddress;
        this.localTag = localTag;
        this.remoteAddress = remoteAddress;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.forced = forced;
        this.cseq = new AtomicLong(cseq);
    }

    /** @return the key of the dialog in the host's table */
    public String key() {
        return key(callId, localTag);
    }

    public static String key(String callId, String localTag) {
        return callId + "|" + localTag;
    }

    /** @return the Record-Route values of a message, in order */
    public static List<Address> recordRoutes(Message m) {
        List<Address> out = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(RecordRouteHeader.NAME);
        while (it != null && it.hasNext()) {
            out.add((Address) ((RecordRouteHeader) it.next()).getAddress().clone());
        }
        return out;
    }

    /** @return the URI of a message's Contact, or null */
    public static URI contact(Message m) {
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        return c == null || c.getAddress() == null ? null : c.getAddress().getURI();
    }

    public static List<Address> reversed(List<Address> routes) {
        List<Address> r = new ArrayList<>(routes);
        Collections.reverse(r);
        return r;
    }

    /** A new request in the dialog, without Via (added when it is sent). */
    public Request request(String method) throws ParseException, InvalidArgumentException {
        return request(method, cseq.incrementAndGet());
    }

    public Request request(String method, long seq) throws ParseException, InvalidArgumentException {
        var h = sip.headers();
        Request r = sip.messages().createRequest((URI) remoteTarget.clone(), method, h.createCallIdHeader(callId),
                h.createCSeqHeader(seq, method), h.createFromHeader(localAddress, localTag),
                h.createToHeader(remoteAddress, remoteTag), new ArrayList<>(), h.createMaxForwardsHeader(70));
        for (Address a : routeSet) {
            r.addHeader(h.createRouteHeader((Address) a.clone()));
        }
        return r;
    }

    /** Sends a request in a new client transaction (or statelessly, an ACK). */
    public ClientTransaction send(Request r, Object applicationData) throws SipException, ParseException, InvalidArgumentException {
        return send(sip, r, forced, applicationData);
    }

    /**
     * Adds our Via and sends a request: to the forced hop if any (the flow a client came over),
     * else by Route and Request-URI.
     */
    public static ClientTransaction send(SipContext sip, Request r, Hop forced, Object applicationData)
            throws SipException, ParseException, InvalidArgumentException {
        Hop hop = forced != null ? forced : NextHop.of(r);
        String transport = hop.getTransport().toUpperCase(Locale.ROOT);
        Integer port = sip.ports().get(transport);
        if (port == null) {
            throw new SipException("transport " + transport + " is not enabled");
        }
        ViaHeader via = sip.headers().createViaHeader(sip.hostFacing(hop.getHost()), port, transport,
                BRANCH_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        r.addFirst(via);
        if (Request.ACK.equals(r.getMethod())) {
            FlowRouter.via(hop, () -> {
                try {
                    sip.provider().sendRequest(r);
                    return null;
                } catch (SipException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            return null;
        }
        ClientTransaction ct = FlowRouter.via(hop, () -> {
            try {
                return sip.provider().getNewClientTransaction(r);
            } catch (SipException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        ct.setApplicationData(applicationData);
        ct.sendRequest();
        return ct;
    }

    /** Sends a CANCEL (its Via is the INVITE's) in a new client transaction. */
    public static void sendCancel(SipContext sip, Request cancel, Hop forced) throws SipException {
        Hop hop = forced != null ? forced : NextHop.of(cancel);
        ClientTransaction ct = FlowRouter.via(hop, () -> {
            try {
                return sip.provider().getNewClientTransaction(cancel);
            } catch (SipException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        ct.sendRequest();
    }

    /**
     * Our Contact for a peer reached over a transport: where in-dialog requests reach us
     * ({@code ;transport=} for everything but UDP, so that TCP, TLS and WebSocket peers keep it).
     */
    public static Address contact(SipContext sip, String user, String transport, String peerHost) throws ParseException {
        String t = transport.toUpperCase(Locale.ROOT);
        SipURI uri = sip.addresses().createSipURI(user, sip.hostFacing(peerHost));
        Integer port = sip.ports().get(t);
        if (port != null) {
            uri.setPort(port);
        }
        if (!"UDP".equals(t)) {
            uri.setTransportParam(t.toLowerCase(Locale.ROOT));
        }
        return sip.addresses().createAddress(uri);
    }
}
