package org.switchboard.media.internal.sdp;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.api.media.MediaException;
import org.switchboard.media.internal.transport.SecurityAttributes;

/** One m-section of a session description, with the attribute lookups offer/answer needs. */
public final class MediaSection {
    private final String type;
    private final int port;
    private final String profile;
    private final List<String> formats;
    private final List<Sdp.Attribute> attributes = new ArrayList<>();
    private String connection;

    private MediaSection(String type, int port, String profile, List<String> formats) {
        this.type = type;
        this.port = port;
        this.profile = profile;
        this.formats = formats;
    }

    static MediaSection parse(String m) {
        String[] parts = m.trim().split("\\s+");
        if (parts.length < 3) {
            throw new MediaException(488, "bad m= line: " + m);
        }
        int slash = parts[1].indexOf('/');
        int port;
        try {
            port = Integer.parseInt(slash < 0 ? parts[1] : parts[1].substring(0, slash));
        } catch (NumberFormatException e) {
            throw new MediaException(488, "bad port in m= line: " + m);
        }
        List<String> formats = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            formats.add(parts[i]);
        }
        return new MediaSection(parts[0], port, parts[2], List.copyOf(formats));
    }

    public String type() {
        return type;
    }

    public int port() {
        return port;
    }

    public String profile() {
        return profile;
    }

    public List<String> formats() {
        return formats;
    }

    public List<Sdp.Attribute> attributes() {
        return attributes;
    }

    public String connection() {
        return connection;
    }

    void connection(String address) {
        this.connection = address;
    }

    /** @return the first value of an attribute ("" for a flag), or null */
    public String attribute(String name) {
        for (Sdp.Attribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.value() == null ? "" : a.value();
            }
        }
        return null;
    }

    public List<String> attributes(String name) {
        List<String> values = new ArrayList<>();
        for (Sdp.Attribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                values.add(a.value() == null ? "" : a.value());
            }
        }
        return values;
    }

    /** @return the {@code encoding/clock} of a payload type, from rtpmap or the static table */
    public String rtpmap(int pt) {
        String prefix = pt + " ";
        for (String v : attributes("rtpmap")) {
            if (v.startsWith(prefix)) {
                return v.substring(prefix.length()).trim();
            }
        }
        return switch (pt) {
            case 0 -> "PCMU/8000";
            case 8 -> "PCMA/8000";
            case 9 -> "G722/8000";
            case 18 -> "G729/8000";
            default -> null;
        };
    }

    /** @return the direction the section's sender declares, using the session's as default */
    public MediaDirection direction(Sdp session) {
        for (MediaDirection d : MediaDirection.values()) {
            if (attribute(d.name().toLowerCase()) != null) {
                return d;
            }
        }
        for (MediaDirection d : MediaDirection.values()) {
            if (session.attribute(d.name().toLowerCase()) != null) {
                return d;
            }
        }
        return MediaDirection.SENDRECV;
    }

    public boolean rtcpMux() {
        return attribute("rtcp-mux") != null;
    }

    /** @return ICE, DTLS and SDES attributes, media level first, then session level */
    public SecurityAttributes security(Sdp session) {
        return new SecurityAttributes(either("ice-ufrag", session), either("ice-pwd", session),
                session.attribute("ice-lite") != null || attribute("ice-lite") != null, attributes("candidate"),
                either("fingerprint", session), either("setup", session), attributes("crypto"));
    }

    private String either(String name, Sdp session) {
        String v = attribute(name);
        return v != null ? v : session.attribute(name);
    }
}
