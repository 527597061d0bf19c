package org.switchboard.sip.internal.proxy;

import java.util.List;
import org.switchboard.api.location.Flow;

/**
 * Where one branch of a forwarded request goes.
 *
 * @param uri the new Request-URI
 * @param path Route values to push in front (the binding's Path), outermost first
 * @param flow the flow to send over, or null to route by Route / Request-URI (RFC 3263)
 */
public record Target(String uri, List<String> path, Flow flow) {
    public Target {
        path = path == null ? List.of() : List.copyOf(path);
    }
}
