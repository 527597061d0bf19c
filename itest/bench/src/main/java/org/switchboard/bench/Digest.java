package org.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP digest for SIP (RFC 3261 section 22, RFC 8760): challenge parsing and the response. */
final class Digest {
    private Digest() {
    }

    /** A parsed challenge. {@code proxy} tells which header the credentials go to. */
    record Challenge(boolean proxy, String realm, String nonce, String opaque, String algorithm,
                     boolean qopAuth, boolean stale) {
        String hashName() {
            return algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        }

        boolean sess() {
            return algorithm.toLowerCase(Locale.ROOT).endsWith("-sess");
        }
    }

    /** Picks the best challenge of a 401/407: SHA-256 when offered, else MD5; null if none usable. */
    static Challenge pick(SipMessage m) {
        boolean proxy = m.status == 407;
        List<String> offers = m.lines(proxy ? "proxy-authenticate" : "www-authenticate");
        Challenge best = null;
        for (String offer : offers) {
            if (!offer.regionMatches(true, 0, "Digest", 0, 6)) {
                continue;
            }
            Map<String, String> p = params(offer.substring(6));
            String alg = p.getOrDefault("algorithm", "MD5");
            String a = alg.toUpperCase(Locale.ROOT);
            if (!a.equals("MD5") && !a.equals("MD5-SESS") && !a.equals("SHA-256") && !a.equals("SHA-256-SESS")) {
                continue; // e.g. SHA-512-256: not supported by the bench
            }
            String qop = p.get("qop");
            boolean qopAuth = qop != null && List.of(qop.split("\\s*,\\s*")).contains("auth");
            Challenge c = new Challenge(proxy, p.get("realm"), p.get("nonce"), p.get("opaque"), alg,
                    qopAuth, "true".equalsIgnoreCase(p.get("stale")));
            if (best == null || (c.hashName().equals("SHA-256") && !best.hashName().equals("SHA-256"))) {
                best = c;
            }
        }
        return best;
    }

    /** Parses {@code a=b, c="d, e"} into a map with lower-case keys. */
    static Map<String, String> params(String s) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String val;
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                close = close < 0 ? n : close;
                val = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = s.indexOf(',', i);
                comma = comma < 0 ? n : comma;
                val = s.substring(i, comma).trim();
                i = comma;
            }
            out.put(key, val);
        }
        return out;
    }

    /** The full header value, e.g. {@code Digest username="u", realm="r", ...}. */
    static String credentials(String user, String password, Challenge c, String method, String uri,
                              int nc, String cnonce) {
        String h = c.hashName();
        String ha1 = hex(h, user + ":" + c.realm() + ":" + password);
        if (c.sess()) {
            ha1 = hex(h, ha1 + ":" + c.nonce() + ":" + cnonce);
        }
        String ha2 = hex(h, method + ":" + uri);
        String ncHex = String.format("%08x", nc);
        String response = c.qopAuth()
                ? hex(h, ha1 + ":" + c.nonce() + ":" + ncHex + ":" + cnonce + ":auth:" + ha2)
                : hex(h, ha1 + ":" + c.nonce() + ":" + ha2);
        StringBuilder sb = new StringBuilder(256).append("Digest username=\"").append(user)
                .append("\", realm=\"").append(c.realm()).append("\", nonce=\"").append(c.nonce())
                .append("\", uri=\"").append(uri).append("\", response=\"").append(response)
                .append("\", algorithm=").append(c.algorithm());
        if (c.qopAuth()) {
            sb.append(", qop=auth, nc=").append(ncHex).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (c.opaque() != null) {
            sb.append(", opaque=\"").append(c.opaque()).append('"');
        }
        return sb.toString();
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> md("MD5"));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> md("SHA-256"));

    static String hex(String alg, String s) {
        MessageDigest md = alg.equals("SHA-256") ? SHA256.get() : MD5.get();
        byte[] d = md.digest(s.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            out[2 * i] = Character.forDigit((d[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(d[i] & 0xf, 16);
        }
        return new String(out);
    }

    private static MessageDigest md(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
