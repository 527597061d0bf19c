package org.switchboard.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code ice.servers} entries ({@code urls} or {@code urls|username|credential}) into RTCIceServer objects. */
final class IceServers {
    private IceServers() {
    }

    static List<Map<String, Object>> parse(String[] entries) {
        List<Map<String, Object>> servers = new ArrayList<>();
        for (String entry : ConfigLists.values(entries)) {
            String[] parts = entry.trim().split("\\|", 3);
            String url = parts[0].trim();
            if (!url.matches("(stun|stuns|turn|turns):.+")) {
                throw new IllegalArgumentException("org.switchboard.web: ice.servers entry '" + entry
                        + "' must start with stun:, stuns:, turn: or turns:");
            }
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("urls", url);
            if (parts.length == 3) {
                server.put("username", parts[1]);
                server.put("credential", parts[2]);
            } else if (url.startsWith("turn")) {
                throw new IllegalArgumentException("org.switchboard.web: TURN server '" + url
                        + "' needs credentials: write it as url|username|credential");
            }
            servers.add(server);
        }
        return servers;
    }
}
