package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads list settings, which a .cfg file gives as one comma-separated string. */
public final class ConfigValues {
    private ConfigValues() {
    }

    public static List<String> list(String[] values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
