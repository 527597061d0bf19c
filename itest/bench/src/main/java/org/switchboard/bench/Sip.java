package org.switchboard.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers to build SIP text and to turn URIs into socket addresses. */
final class Sip {
    static final String SDP = "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    private static final Map<String, InetSocketAddress> ADDRESSES = new ConcurrentHashMap<>();

    private Sip() {
    }

    static String random() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static String branch() {
        return "z9hG4bK" + random();
    }

    static StringBuilder via(StringBuilder sb, Endpoint ep, String branch) {
        return sb.append("Via: SIP/2.0/UDP ").append(ep.hostPort).append(";branch=").append(branch)
                .append(";rport\r\n");
    }

    static StringBuilder end(StringBuilder sb, String body) {
        if (body == null || body.isEmpty()) {
            return sb.append("Content-Length: 0\r\n\r\n");
        }
        return sb.append("Content-Type: application/sdp\r\nContent-Length: ").append(body.length())
                .append("\r\n\r\n").append(body);
    }

    /** The URI of a name-addr ({@code "x" <sip:a@b;lr>;p=1} gives {@code sip:a@b;lr}). */
    static String uri(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        if (lt >= 0) {
            int gt = nameAddr.indexOf('>', lt);
            return nameAddr.substring(lt + 1, gt < 0 ? nameAddr.length() : gt);
        }
        int semi = nameAddr.indexOf(';');
        return (semi < 0 ? nameAddr : nameAddr.substring(0, semi)).trim();
    }

    static boolean looseRoute(String nameAddr) {
        String u = uri(nameAddr);
        return u.contains(";lr");
    }

    /** Host and port of a SIP URI (default port 5060), resolved once and cached. */
    static InetSocketAddress address(String uri) {
        String s = uri.startsWith("sips:") ? uri.substring(5) : uri.startsWith("sip:") ? uri.substring(4) : uri;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int cut = s.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return hostPort(s.substring(0, cut));
    }

    static InetSocketAddress hostPort(String hp) {
        return ADDRESSES.computeIfAbsent(hp, k -> {
            int colon = k.lastIndexOf(':');
            String host = colon < 0 ? k : k.substring(0, colon);
            int port = colon < 0 ? 5060 : Integer.parseInt(k.substring(colon + 1));
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve " + host, e);
            }
        });
    }
}
