package org.switchboard.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;

/**
 * Serves one bundle's web folder: {@code index.html} for the folder itself, long-lived
 * caching for Vite's content-hashed {@code assets/}, ETags, and gzip for text.
 */
final class StaticContentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private record Resource(byte[] plain, byte[] gzipped, String type, String etag) {
    }

    private final transient Bundle bundle;
    private final String root;
    private final transient Map<String, Resource> cache = new ConcurrentHashMap<>();

    StaticContentServlet(Bundle bundle, String root) {
        this.bundle = bundle;
        this.root = root;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            String query = req.getQueryString();
            resp.sendRedirect("/" + root + "/" + (query == null ? "" : "?" + query));
            return;
        }
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            Problem.send(resp, 404, "no such file");
            return;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        Resource r = cache.computeIfAbsent(file, this::load);
        if (r.plain == null) {
            Problem.send(resp, 404, "no such file: " + path);
            return;
        }
        resp.setHeader("ETag", r.etag);
        resp.setHeader("Cache-Control", file.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
        resp.setHeader("Vary", "Accept-Encoding");
        if (r.etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(r.type);
        String accept = req.getHeader("Accept-Encoding");
        byte[] body = r.plain;
        if (r.gzipped != null && accept != null && accept.contains("gzip")) {
            resp.setHeader("Content-Encoding", "gzip");
            body = r.gzipped;
        }
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }

    private Resource load(String file) {
        URL url = bundle.getEntry(root + file);
        if (url == null || url.getPath().endsWith("/")) {
            return new Resource(null, null, null, null);
        }
        try (InputStream in = url.openStream()) {
            byte[] plain = in.readAllBytes();
            String type = ContentTypes.of(file);
            byte[] gzipped = ContentTypes.compressible(type) && plain.length > 512 ? gzip(plain) : null;
            String etag = "\"" + Long.toHexString(bundle.getLastModified()) + "-" + Integer.toHexString(java.util.Arrays.hashCode(plain)) + "\"";
            return new Resource(plain, gzipped, type, etag);
        } catch (IOException e) {
            return new Resource(null, null, null, null);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
