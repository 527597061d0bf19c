package org.switchboard.media.internal.sdp;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.media.MediaException;

/**
 * A parsed session description (RFC 4566), kept as plain lines and attributes: only what
 * offer/answer for audio needs is interpreted, by {@link MediaSection} and {@link SdpNegotiator}.
 *
 * @param origin the {@code o=} value
 * @param connection the session-level {@code c=} address, or null
 * @param attributes session-level attributes
 * @param media the m-sections in order
 */
public record Sdp(String origin, String connection, List<Attribute> attributes, List<MediaSection> media) {

    /**
     * An attribute.
     *
     * @param name the name
     * @param value the value, or null for a flag such as {@code rtcp-mux}
     */
    public record Attribute(String name, String value) {
    }

    public static Sdp parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MediaException(488, "no SDP");
        }
        String origin = null;
        String connection = null;
        List<Attribute> session = new ArrayList<>();
        List<MediaSection> media = new ArrayList<>();
        MediaSection current = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'o' -> origin = value;
                case 'c' -> {
                    String address = address(value);
                    if (current == null) {
                        connection = address;
                    } else {
                        current.connection(address);
                    }
                }
                case 'm' -> {
                    current = MediaSection.parse(value);
                    media.add(current);
                }
                case 'a' -> {
                    Attribute a = toAttribute(value);
                    if (current == null) {
                        session.add(a);
                    } else {
                        current.attributes().add(a);
                    }
                }
                default -> { }
            }
        }
        if (media.isEmpty()) {
            throw new MediaException(488, "SDP without m= line");
        }
        return new Sdp(origin, connection, List.copyOf(session), List.copyOf(media));
    }

    /** @return the first value of a session-level attribute, or null */
    public String attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).map(a -> a.value() == null ? "" : a.value())
                .findFirst().orElse(null);
    }

    private static Attribute toAttribute(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? new Attribute(value, null) : new Attribute(value.substring(0, colon), value.substring(colon + 1));
    }

    private static String address(String c) {
        String[] parts = c.trim().split("\\s+");
        if (parts.length < 3) {
            throw new MediaException(488, "bad c= line: " + c);
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
