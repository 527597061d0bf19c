package org.switchboard.sip.internal.core;


import java.util.Map;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.switchboard.sip.internal.transport.FlowRouter;

/**
 * What every part of the SIP core shares: the provider and factories of the stack, the local
 * domains, and the port of each transport.
 *
 * @param provider the provider all listening points belong to
 * @param messages the message factory
 * @param headers the header factory
 * @param addresses the address factory
 * @param domains this platform's names
 * @param ports the listening port of each enabled transport (upper-case name)
 * @param router the stack's router
 */
public record SipContext(SipProvider provider, MessageFactory messages, HeaderFactory headers,
        AddressFactory addresses, LocalDomains domains, Map<String, Integer> ports, FlowRouter router) {

    /** @return whether host:port (port -1 for none) names one of our listening points */
    public boolean isUs(String host, int port, String transport) {
        if (!domains.isLocal(host)) {
            return false;
        }
        if (port <= 0) {
            return true;
        }
        if (transport != null) {
            Integer p = ports.get(transport.toUpperCase(java.util.Locale.ROOT));
            if (p != null) {
                return p == port;
            }
        }
        return ports.containsValue(port);
    }

    /** @return whether a SIP URI addresses this platform (a local domain, and no port or one of ours) */
    public boolean addressesUs(javax.sip.address.URI uri) {
        return uri instanceof javax.sip.address.SipURI s && isUs(s.getHost(), s.getPort(), s.getTransportParam());
    }

    /** @return the host to put in Via and Record-Route for a peer at the given address */
    public String hostFacing(String peer) {
        return isLoopback(peer) ? "127.0.0.1" : domains.advertisedAddress();
    }

    static boolean isLoopback(String host) {
        return host.startsWith("127.") || "localhost".equalsIgnoreCase(host) || "::1".equals(host)
                || "[::1]".equals(host) || "0:0:0:0:0:0:0:1".equals(host);
    }

    /** @return the listening point of a transport, or null if it is not enabled */
    public ListeningPoint listeningPoint(String transport) {
        return provider.getListeningPoint(transport.toUpperCase(java.util.Locale.ROOT));
    }
}
