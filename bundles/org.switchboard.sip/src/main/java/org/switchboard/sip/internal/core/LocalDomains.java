package org.switchboard.sip.internal.core;


import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.api.sip.SipDomains;

/**
 * The names under which this platform is addressed: every local address, the host name,
 * localhost and the configured domains. They are all aliases of one domain of users; the
 * canonical one names addresses of record.
 */
public final class LocalDomains implements SipDomains {
    private final Set<String> names;
    private final String canonical;
    private final String advertisedAddress;

    public LocalDomains(List<String> configured, String advertised) {
        Set<String> all = new LinkedHashSet<>();
        configured.stream().map(LocalDomains::normalize).filter(s -> !s.isEmpty()).forEach(all::add);
        String host = hostName();
        all.add(normalize(host));
        all.add("localhost");
        List<InetAddress> addresses = interfaceAddresses();
        addresses.forEach(a -> all.add(normalize(a.getHostAddress())));
        this.names = Set.copyOf(all);
        this.canonical = configured.isEmpty() ? normalize(host) : normalize(configured.get(0));
        this.advertisedAddress = advertised.isBlank() ? firstSiteAddress(addresses) : advertised;
    }

    @Override
    public boolean isLocal(String host) {
        return host != null && names.contains(normalize(host));
    }

    @Override
    public String canonical() {
        return canonical;
    }

    /** @return the address peers on other hosts reach this platform at */
    public String advertisedAddress() {
        return advertisedAddress;
    }

    @Override
    public String aor(String user) {
        return "sip:" + user + "@" + canonical;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            try {
                h = InetAddress.getByName(h).getHostAddress(); // one spelling per IPv6 address
            } catch (UnknownHostException e) {
                // keep as is
            }
        }
        return h;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                out.addAll(Collections.list(nif.getInetAddresses()));
            }
        } catch (SocketException e) {
            // fall back to loopback only
        }
        return out;
    }

    private static String firstSiteAddress(List<InetAddress> addresses) {
        return addresses.stream().filter(a -> !a.isLoopbackAddress() && a.getAddress().length == 4)
                .map(InetAddress::getHostAddress).findFirst().orElse("127.0.0.1");
    }
}
