package org.switchboard.sip.internal.proxy;

import java.util.ListIterator;
import java.util.Objects;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.sip.internal.core.SipContext;

/**
 * Loop detection (RFC 3261 16.3 step 4 and 16.6 step 8): the proxy's branch IDs start with a
 * hash of what makes a request the same request; a Via of ours carrying the hash of the request
 * being processed means it came back to us.
 */
final class LoopDetector {
    private LoopDetector() {
    }

    /** @return whether one of our Vias in the request carries its own loop hash */
    static boolean loops(SipContext sip, Request req, String hash) {
        ListIterator<?> vias = req.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader v = (ViaHeader) vias.next();
            String b = v.getBranch();
            if (b != null && b.startsWith(Forwarder.BRANCH_PREFIX) && sip.isUs(v.getHost(), v.getPort(), v.getTransport())) {
                int dot = b.indexOf('.');
                if (dot > 0 && b.substring(Forwarder.BRANCH_PREFIX.length(), dot).equals(hash)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param req the request as received
     * @param work its copy after our Route entries were removed
     * @return the hash of the Request-URI, tags, Call-ID, CSeq, Route and Proxy-Require
     */
    static String loopHash(Request req, Request work) {
        CSeqHeader cseq = (CSeqHeader) req.getHeader(CSeqHeader.NAME);
        int h = Objects.hash(work.getRequestURI().toString(), ProxiedRequest.toTag(req),
                ((FromHeader) req.getHeader(FromHeader.NAME)).getTag(), ProxiedRequest.callId(req),
                cseq == null ? 0 : cseq.getSeqNumber(), String.valueOf(work.getHeader("Route")),
                String.valueOf(req.getHeader("Proxy-Require")));
        return Integer.toHexString(h);
    }
}
