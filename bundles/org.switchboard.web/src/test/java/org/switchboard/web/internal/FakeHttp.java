package org.switchboard.web.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response for the REST units, without a container. */
final class FakeHttp {
    final Map<String, String> requestHeaders = new HashMap<>();
    final Map<String, String> responseHeaders = new HashMap<>();
    final StringWriter body = new StringWriter();
    String method = "GET";
    String pathInfo;
    String remoteAddr = "192.0.2.7";
    int status = 200;

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getHeader" -> requestHeaders.get((String) args[0]);
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRemoteAddr" -> remoteAddr;
                    default -> null;
                });
    }

    HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }
}
