package org.switchboard.media.internal.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.api.media.MediaException;
import org.switchboard.media.internal.codec.AudioCodec;
import org.switchboard.media.internal.codec.Codecs;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * Offer/answer for one audio stream (RFC 3264). The codec is the first one in the offer's
 * order that we accept (name and clock rate); telephone-event is the one at that codec's clock
 * rate and keeps the offerer's payload type; every other m-section is rejected with port 0.
 */
public final class SdpNegotiator {
    public static final int DEFAULT_TELEPHONE_EVENT = 101;
    /** The telephone-event of our offers at 48 kHz, for Opus (Chrome's number). */
    public static final int WIDEBAND_TELEPHONE_EVENT = 110;

    private SdpNegotiator() {
    }

    /** The result of answering an offer. */
    public record Answer(Negotiated negotiated, String sdp) {
    }

    public static Answer answer(Sdp offer, LocalMedia local) {
        return answer(offer, negotiateOffer(offer, local.codecs()), local);
    }

    /**
     * Negotiates an offer without writing the answer yet: the security layer must see the peer's
     * attributes (DTLS role from {@code a=setup}) before our answer's {@code a=setup} is known.
     */
    public static Negotiated negotiateOffer(Sdp offer, List<String> codecs) {
        return negotiate(offer, offer.media().get(audioIndex(offer)), codecs, true);
    }

    /** Writes the answer to an offer that {@link #negotiateOffer} negotiated as n. */
    public static Answer answer(Sdp offer, Negotiated n, LocalMedia local) {
        int audioIndex = audioIndex(offer);
        StringBuilder sdp = header(local);
        String group = offer.attribute("group");
        if (group != null && group.startsWith("BUNDLE") && n.mid() != null) {
            sdp.append("a=group:BUNDLE ").append(n.mid()).append("\r\n");
        }
        for (int i = 0; i < offer.media().size(); i++) {
            MediaSection other = offer.media().get(i);
            if (i == audioIndex) {
                audio(sdp, local, n.profile(), n.payloadType(), n.codec(), n.telephoneEvent(), n.direction(),
                        n.rtcpMux(), n.mid());
            } else {
                sdp.append("m=").append(other.type()).append(" 0 ").append(other.profile()).append(' ')
                        .append(String.join(" ", other.formats())).append("\r\n");
                if (other.attribute("mid") != null) {
                    sdp.append("a=mid:").append(other.attribute("mid")).append("\r\n");
                }
            }
        }
        return new Answer(n, sdp.toString());
    }

    /**
     * @return an offer of the accepted codecs plus a telephone-event per clock rate, rtcp-mux; Opus
     *     only in the browsers' profile ({@code UDP/TLS/RTP/SAVPF}): SIP phones and trunks get
     *     G.711 from us (Opus costs ~100x its CPU), though they may offer Opus themselves
     */
    public static String offer(LocalMedia local, String profile, MediaDirection direction) {
        StringBuilder sdp = header(local);
        boolean secure = local.security().fingerprint() != null;
        if (secure) {
            sdp.append("a=group:BUNDLE 0\r\n");
        }
        audio(sdp, local, profile, -1, null, -1, direction, true, secure ? "0" : null);
        return sdp.toString();
    }

    /** Applies the peer's answer to our offer. */
    public static Negotiated applyAnswer(Sdp answer, List<String> codecs) {
        MediaSection m = answer.media().get(audioIndex(answer));
        return negotiate(answer, m, codecs, false);
    }

    private static Negotiated negotiate(Sdp sdp, MediaSection m, List<String> accepted, boolean answering) {
        AudioCodec codec = null;
        int pt = -1;
        for (String f : m.formats()) {
            int p = parsePt(f);
            String map = m.rtpmap(p);
            codec = map == null ? null : supported(map, accepted);
            if (codec != null) {
                pt = p;
                break;
            }
        }
        if (codec == null) {
            throw new MediaException(488, "no common audio codec: we accept " + accepted + ", the peer offers "
                    + m.formats());
        }
        int te = telephoneEvent(m, codec.clockRate());
        String address = m.connection() != null ? m.connection() : sdp.connection();
        if (address == null) {
            throw new MediaException(488, "SDP without c= line");
        }
        MediaDirection remote = m.direction(sdp);
        SecurityAttributes security = m.security(sdp);
        // With ICE, c=0.0.0.0 (port 9) only means "no candidate in the SDP" (trickle, RFC 8840):
        // media goes to the address ICE checks, so it is not the old RFC 2543 hold.
        boolean ice = security.iceUfrag() != null;
        boolean nullAddress = "0.0.0.0".equals(address) && !ice;
        MediaDirection ours = mirror(remote);
        if (nullAddress && ours.sends()) {
            ours = ours.receives() ? MediaDirection.RECVONLY : MediaDirection.INACTIVE;
        }
        boolean mux = m.rtcpMux();
        InetSocketAddress rtp = nullAddress ? null : InetSocketAddress.createUnresolved(address, m.port());
        InetSocketAddress rtcp = nullAddress ? null : rtcp(m, address, mux);
        String ptime = m.attribute("ptime");
        return new Negotiated(codec, pt, te, ours, rtp, rtcp, mux,
                ptime == null ? 20 : Integer.parseInt(ptime.trim()), m.profile(), security, m.attribute("mid"));
    }

    /** @return our codec for an rtpmap value ({@code name/rate[/channels]}) if we accept it, else null */
    private static AudioCodec supported(String rtpmap, List<String> accepted) {
        String[] parts = rtpmap.split("/");
        AudioCodec c = Codecs.byName(parts[0]);
        return c != null && parts.length > 1 && parts[1].trim().equals(Integer.toString(c.clockRate()))
                && contains(accepted, c.name()) ? c : null;
    }

    /** @return the payload type of the telephone-event at the audio codec's clock rate, or -1 */
    private static int telephoneEvent(MediaSection m, int clockRate) {
        for (String f : m.formats()) {
            int p = parsePt(f);
            String map = m.rtpmap(p);
            if (map != null && map.equalsIgnoreCase("telephone-event/" + clockRate)) {
                return p;
            }
        }
        return -1;
    }

    private static InetSocketAddress rtcp(MediaSection m, String address, boolean mux) {
        if (mux) {
            return InetSocketAddress.createUnresolved(address, m.port());
        }
        String a = m.attribute("rtcp");
        if (a != null) {
            String[] parts = a.trim().split("\\s+");
            String host = parts.length >= 4 ? parts[3] : address;
            return InetSocketAddress.createUnresolved(host, Integer.parseInt(parts[0]));
        }
        return InetSocketAddress.createUnresolved(address, m.port() + 1);
    }

    /** @return our direction for the peer's: what it sends we receive and the reverse */
    static MediaDirection mirror(MediaDirection remote) {
        return switch (remote) {
            case SENDONLY -> MediaDirection.RECVONLY;
            case RECVONLY -> MediaDirection.SENDONLY;
            case INACTIVE -> MediaDirection.INACTIVE;
            case SENDRECV -> MediaDirection.SENDRECV;
        };
    }

    private static int audioIndex(Sdp sdp) {
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            if ("audio".equalsIgnoreCase(m.type()) && m.port() != 0) {
                return i;
            }
        }
        throw new MediaException(488, "no active audio stream in the SDP");
    }

    private static StringBuilder header(LocalMedia local) {
        StringBuilder sdp = new StringBuilder(512);
        String ip = local.address().contains(":") ? "IP6" : "IP4";
        sdp.append("v=0\r\n")
                .append("o=switchboard ").append(local.sessionId()).append(' ').append(local.version())
                .append(" IN ").append(ip).append(' ').append(local.address()).append("\r\n")
                .append("s=switchboard\r\n")
                .append("c=IN ").append(ip).append(' ').append(local.address()).append("\r\n")
                .append("t=0 0\r\n");
        if (local.security().iceUfrag() != null) {
            sdp.append("a=ice-lite\r\n");
        }
        return sdp;
    }

    private static void audio(StringBuilder sdp, LocalMedia local, String profile, int pt, AudioCodec codec, int te,
            MediaDirection direction, boolean mux, String mid) {
        sdp.append("m=audio ").append(local.port()).append(' ').append(profile);
        List<AudioCodec> codecs = codec != null ? List.of(codec) : offered(local, profile);
        List<int[]> events = new java.util.ArrayList<>(); // {payload type, clock rate}
        for (AudioCodec c : codecs) {
            int rate = c.clockRate();
            if (codec != null ? te >= 0 : events.stream().noneMatch(e -> e[1] == rate)) {
                events.add(new int[] {codec != null ? te : telephoneEventPt(rate), rate});
            }
        }
        for (AudioCodec c : codecs) {
            sdp.append(' ').append(codec != null ? pt : c.payloadType());
        }
        for (int[] e : events) {
            sdp.append(' ').append(e[0]);
        }
        sdp.append("\r\n");
        for (AudioCodec c : codecs) {
            int p = codec != null ? pt : c.payloadType();
            sdp.append("a=rtpmap:").append(p).append(' ').append(c.rtpmap()).append("\r\n");
            if (c.fmtp() != null) {
                sdp.append("a=fmtp:").append(p).append(' ').append(c.fmtp()).append("\r\n");
            }
        }
        for (int[] e : events) {
            sdp.append("a=rtpmap:").append(e[0]).append(" telephone-event/").append(e[1]).append("\r\n")
                    .append("a=fmtp:").append(e[0]).append(" 0-16\r\n");
        }
        sdp.append("a=ptime:20\r\n").append("a=").append(direction.name().toLowerCase(Locale.ROOT)).append("\r\n");
        if (mux) {
            sdp.append("a=rtcp-mux\r\n");
        } else {
            sdp.append("a=rtcp:").append(local.port() + 1).append("\r\n");
        }
        if (mid != null) {
            sdp.append("a=mid:").append(mid).append("\r\n");
        }
        security(sdp, local);
    }

    private static void security(StringBuilder sdp, LocalMedia local) {
        var s = local.security();
        if (s.iceUfrag() != null) {
            sdp.append("a=ice-ufrag:").append(s.iceUfrag()).append("\r\n").append("a=ice-pwd:").append(s.icePwd())
                    .append("\r\n");
            for (String c : s.candidates()) {
                sdp.append("a=candidate:").append(c).append("\r\n");
            }
            sdp.append("a=end-of-candidates\r\n");
        }
        if (s.fingerprint() != null) {
            sdp.append("a=fingerprint:").append(s.fingerprint()).append("\r\n");
        }
        if (s.setup() != null) {
            sdp.append("a=setup:").append(s.setup()).append("\r\n");
        }
        for (String c : s.crypto()) {
            sdp.append("a=crypto:").append(c).append("\r\n");
        }
    }

    private static List<AudioCodec> offered(LocalMedia local, String profile) {
        boolean browser = profile.toUpperCase(Locale.ROOT).startsWith("UDP/TLS/");
        return local.codecs().stream().map(Codecs::byName).filter(java.util.Objects::nonNull)
                .filter(c -> browser || c.clockRate() == 8000).toList();
    }

    /** @return the telephone-event payload type of our offers for a clock rate */
    static int telephoneEventPt(int clockRate) {
        return clockRate == 8000 ? DEFAULT_TELEPHONE_EVENT : WIDEBAND_TELEPHONE_EVENT;
    }

    private static boolean contains(List<String> accepted, String name) {
        return accepted.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    private static int parsePt(String f) {
        try {
            return Integer.parseInt(f);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
