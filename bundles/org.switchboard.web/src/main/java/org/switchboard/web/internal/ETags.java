package org.switchboard.web.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A JSON body with a strong ETag of its bytes: {@code 304} without a body when the request's
 * {@code If-None-Match} names it, so that a client polling for changes costs little.
 */
final class ETags {
    private ETags() {
    }

    static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }

    static void write(HttpServletRequest req, HttpServletResponse resp, Object body) throws IOException {
        byte[] bytes = JSON.std.asString(body).getBytes(StandardCharsets.UTF_8);
        String etag = of(bytes);
        resp.setHeader("ETag", etag);
        // the client may keep it but must ask again: If-None-Match, answered 304
        resp.setHeader("Cache-Control", "no-cache");
        if (matches(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(304);
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
    }
}
