package org.switchboard.media.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The codecs the engine implements, by SDP encoding name, and the enabled set of its config. */
public final class Codecs {
    /** The default of the {@code codecs} key: every codec, Opus first. */
    public static final String DEFAULT = "opus,PCMU,PCMA";
    private static final Logger LOG = LoggerFactory.getLogger(Codecs.class);

    private Codecs() {
    }

    /** @return the codec of an encoding name (case-insensitive), or null if the engine has none */
    public static AudioCodec byName(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PCMU" -> G711.PCMU;
            case "PCMA" -> G711.PCMA;
            case "OPUS" -> Opus.OPUS;
            default -> null;
        };
    }

    /**
     * Parses the {@code codecs} key of PID {@code org.switchboard.media}: the enabled codecs,
     * comma separated, in the order of our own offers. Unknown names are logged and skipped;
     * nothing usable falls back to {@value #DEFAULT}.
     *
     * @return the enabled codec names as the engine spells them
     */
    public static List<String> enabled(String value) {
        List<String> names = new ArrayList<>();
        for (String part : (value == null ? "" : value).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            AudioCodec c = byName(part);
            if (c == null) {
                LOG.warn("codecs (PID org.switchboard.media): unknown codec '{}' ignored; the engine has opus, PCMU "
                        + "and PCMA, e.g. codecs = {}", part, DEFAULT);
            } else if (!names.contains(c.name())) {
                names.add(c.name());
            }
        }
        if (names.isEmpty()) {
            LOG.warn("codecs (PID org.switchboard.media) = '{}' enables no codec; using codecs = {}. Set it to a "
                    + "comma-separated list of opus, PCMU, PCMA", value, DEFAULT);
            return enabled(DEFAULT);
        }
        return List.copyOf(names);
    }

    /**
     * @param requested a leg's codec names ({@code LegOptions.codecs()}); empty for the enabled set
     * @return the codecs a leg accepts: the requested ones that are enabled, in the requested order
     */
    public static List<String> accepted(List<String> requested, List<String> enabled) {
        if (requested.isEmpty()) {
            return enabled;
        }
        List<String> out = new ArrayList<>();
        for (String r : requested) {
            for (String e : enabled) {
                if (e.equalsIgnoreCase(r) && !out.contains(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
