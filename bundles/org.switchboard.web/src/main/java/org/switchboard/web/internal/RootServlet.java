package org.switchboard.web.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /} leads to the softphone; anything else nobody serves is a JSON 404. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("switchboard-root")
public class RootServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if ((path.isEmpty() || path.equals("/")) && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            resp.sendRedirect("/phone/");
            return;
        }
        Problem.send(resp, 404, "nothing is served at " + path);
    }
}
