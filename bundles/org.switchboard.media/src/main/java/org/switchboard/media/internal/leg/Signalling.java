package org.switchboard.media.internal.leg;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaDirection;
import org.switchboard.media.internal.codec.Codecs;
import org.switchboard.media.internal.sdp.LocalMedia;
import org.switchboard.media.internal.sdp.Negotiated;
import org.switchboard.media.internal.sdp.Sdp;
import org.switchboard.media.internal.sdp.SdpNegotiator;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.SecurityAttributes;

/** The offer/answer state of one leg; called from signalling threads. */
final class Signalling {
    private final LegContext ctx;
    private final LegOptions options;
    private final PacketSecurity security;
    private final int port;
    private final long sessionId = System.currentTimeMillis();
    private long version;
    private boolean awaitingAnswer;
    private Leg leg;
    private volatile Negotiated negotiated;
    private volatile String localSdp;

    Signalling(LegContext ctx, LegOptions options, PacketSecurity security, int port) {
        this.ctx = ctx;
        this.options = options;
        this.security = security;
        this.port = port;
    }

    void attach(Leg owner) {
        this.leg = owner;
    }

    Negotiated negotiated() {
        return negotiated;
    }

    String localSdp() {
        return localSdp;
    }

    synchronized String answer(Sdp offer) {
        // the security layer first learns the peer's attributes: our a=setup (the DTLS role
        // for the peer's actpass) is only known after that
        Negotiated n = SdpNegotiator.negotiateOffer(offer, codecs());
        apply(n, false);
        localSdp = SdpNegotiator.answer(offer, n, local()).sdp();
        return localSdp;
    }

    synchronized String offer(String profile) {
        awaitingAnswer = true;
        localSdp = SdpNegotiator.offer(local(), profile, MediaDirection.SENDRECV);
        return localSdp;
    }

    synchronized String update(String remoteSdp) {
        Sdp sdp = Sdp.parse(remoteSdp);
        if (awaitingAnswer) {
            Negotiated n = SdpNegotiator.applyAnswer(sdp, codecs());
            awaitingAnswer = false;
            apply(n, true);
            return localSdp;
        }
        version++;
        return answer(sdp);
    }

    private void apply(Negotiated n, boolean offerer) {
        security.remote(n.remoteSecurity(), offerer);
        leg.remote(resolved(n.remoteRtp()), resolved(n.remoteRtcp()), n.clockRate());
        negotiated = n;
    }

    /** @return the leg's codecs among the enabled ones ({@code LegOptions.codecs()} empty: all enabled) */
    private List<String> codecs() {
        return Codecs.accepted(options.codecs(), ctx.codecs());
    }

    private static InetSocketAddress resolved(InetSocketAddress unresolved) {
        return unresolved == null ? null : new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
    }

    private LocalMedia local() {
        SecurityAttributes s = security.local();
        if (s.iceUfrag() != null && s.candidates().isEmpty()) {
            List<String> candidates = new ArrayList<>();
            candidates.add("1 1 udp 2130706431 " + ctx.publicAddress() + " " + port + " typ host");
            s = new SecurityAttributes(s.iceUfrag(), s.icePwd(), true, candidates, s.fingerprint(), s.setup(),
                    s.crypto());
        }
        return new LocalMedia(ctx.publicAddress(), port, sessionId, version, codecs(), s);
    }
}
