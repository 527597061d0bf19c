package org.switchboard.web.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** An RFC 7807 problem: every 4xx and 5xx of the REST API is one of these. */
final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 401, "Unauthorized",
            404, "Not Found", 405, "Method Not Allowed", 413, "Payload Too Large", 415, "Unsupported Media Type",
            429, "Too Many Requests", 500, "Internal Server Error", 503, "Service Unavailable");

    private final int status;

    Problem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    int status() {
        return status;
    }

    void write(HttpServletResponse resp) throws IOException {
        send(resp, status, getMessage());
    }

    static void send(HttpServletResponse resp, int status, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", TITLES.getOrDefault(status, "Error"));
        body.put("status", status);
        body.put("detail", detail);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(JSON.std.asString(body));
    }
}
