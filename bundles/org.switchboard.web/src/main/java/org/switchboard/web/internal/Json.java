package org.switchboard.web.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Reading and writing JSON bodies, with the limits and errors the REST API promises. */
final class Json {
    static final int MAX_BODY = 16 * 1024;

    private Json() {
    }

    static Map<String, Object> readObject(HttpServletRequest req) throws Problem, IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Problem(415, "send the body as application/json");
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            throw new Problem(413, "the body is limited to " + MAX_BODY + " bytes");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new Problem(413, "the body is limited to " + MAX_BODY + " bytes");
        }
        try {
            Object value = JSON.std.anyFrom(body);
            if (!(value instanceof Map)) {
                throw new Problem(400, "the body must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Problem(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(JSON.std.asString(body));
    }
}
