package org.switchboard.web.internal;

import java.util.ArrayList;
import java.util.List;

/** List settings: a {@code .cfg} file gives one comma-separated string, a {@code .config} file an array. */
final class ConfigLists {
    private ConfigLists() {
    }

    static List<String> values(String[] raw) {
        List<String> values = new ArrayList<>();
        for (String entry : raw) {
            for (String v : entry.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }
}
