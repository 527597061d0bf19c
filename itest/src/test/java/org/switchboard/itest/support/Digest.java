package org.switchboard.itest.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The client side of HTTP digest as SIP uses it (RFC 3261, RFC 7616, RFC 8760), qop=auth only. */
public final class Digest {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)");

    private Digest() {
    }

    /**
     * @param challenge a WWW-Authenticate or Proxy-Authenticate value
     * @return its parameters, names lower-cased, quotes removed
     */
    public static Map<String, String> parse(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge.replaceFirst("(?i)^\\s*digest\\s+", ""));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).replace("\"", ""));
        }
        return params;
    }

    /**
     * Picks the challenge to answer: the first with the preferred algorithm, else the first.
     *
     * @param challenges the challenge header values
     * @param algorithm "SHA-256" or "MD5"
     * @return the parameters of the chosen challenge
     */
    public static Map<String, String> choose(List<String> challenges, String algorithm) {
        return challenges.stream().map(Digest::parse)
                .filter(c -> algorithm.equalsIgnoreCase(c.getOrDefault("algorithm", "MD5")))
                .findFirst().orElseGet(() -> parse(challenges.get(0)));
    }

    /**
     * Builds the Authorization / Proxy-Authorization value for one request.
     *
     * @param challenge the chosen challenge
     * @param user the user name
     * @param password the password
     * @param method the request method
     * @param uri the Request-URI
     * @return the credentials header value
     */
    public static String authorization(Map<String, String> challenge, String user, String password, String method,
            String uri) {
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm);
        String qop = challenge.get("qop");
        if (qop != null && List.of(qop.split(",")).stream().anyMatch(q -> q.trim().equals("auth"))) {
            String cnonce = UUID.randomUUID().toString().replace("-", "");
            String nc = "00000001";
            String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
                    .append("\", response=\"").append(response).append('"');
        } else {
            header.append(", response=\"").append(hash(algorithm, ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return header.toString();
    }

    private static String hash(String algorithm, String text) {
        String jdkName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
