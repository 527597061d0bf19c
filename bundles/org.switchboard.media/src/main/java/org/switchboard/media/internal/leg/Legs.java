package org.switchboard.media.internal.leg;

import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.api.media.LegOptions;
import org.switchboard.api.media.MediaException;
import org.switchboard.media.internal.sdp.Sdp;
import org.switchboard.media.internal.sdp.MediaSection;
import org.switchboard.media.internal.transport.LegSocket;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.PacketSecurityFactory;
import org.switchboard.media.internal.transport.PlainRtp;

/** Creates legs: socket, security layer, signalling state, then registration with the clock. */
public final class Legs {
    public static final String PLAIN = "RTP/AVP";
    private final LegContext ctx;
    private final AtomicLong ids = new AtomicLong();

    public Legs(LegContext ctx) {
        this.ctx = ctx;
    }

    public Leg answer(String offerSdp, LegOptions options) {
        Sdp offer = Sdp.parse(offerSdp);
        String profile = offer.media().stream().filter(m -> "audio".equalsIgnoreCase(m.type()) && m.port() != 0)
                .map(MediaSection::profile).findFirst()
                .orElseThrow(() -> new MediaException(488, "no active audio stream in the offer"));
        Leg leg = create(profile, options);
        try {
            leg.signalling().answer(offer);
        } catch (RuntimeException e) {
            leg.end(org.switchboard.api.media.LegEndReason.FAILED);
            throw e;
        }
        leg.start();
        return leg;
    }

    public Leg offer(LegOptions options) {
        return offer(options, PLAIN);
    }

    /**
     * A leg with our offer in the given transport profile: {@code RTP/AVP}, or
     * {@code UDP/TLS/RTP/SAVPF} for a browser (ICE-lite, DTLS-SRTP with {@code a=setup:actpass},
     * BUNDLE, rtcp-mux). SDES offers ({@code RTP/SAVP}) are not made yet.
     */
    public Leg offer(LegOptions options, String profile) {
        if (profile.toUpperCase(java.util.Locale.ROOT).startsWith("RTP/SAVP")) {
            throw new MediaException(488, "SDES-SRTP offers (" + profile + ") are not supported yet");
        }
        Leg leg = create(profile, options);
        leg.signalling().offer(profile);
        leg.start();
        return leg;
    }

    private Leg create(String profile, LegOptions options) {
        PacketSecurityFactory factory = null;
        if (!PLAIN.equalsIgnoreCase(profile)) {
            factory = ctx.security().apply(profile);
            if (factory == null) {
                throw new MediaException(488, "the transport profile " + profile + " is not supported (yet)");
            }
        }
        Leg[] ref = new Leg[1];
        LegSocket socket = ctx.transport().open((b, from) -> {
            if (ref[0] != null) {
                ref[0].onRtp(b, from);
            }
        }, (b, from) -> {
            if (ref[0] != null) {
                ref[0].onRtcp(b, from);
            }
        });
        try {
            PacketSecurity security = factory == null ? new PlainRtp() : factory.create(profile, socket);
            Signalling signalling = new Signalling(ctx, options, security, socket.port());
            String label = options.label() == null ? "" : "-" + options.label();
            Leg leg = new Leg("leg-" + ids.incrementAndGet() + label, ctx, signalling, socket, security,
                    options.rtpTimeout());
            signalling.attach(leg);
            ref[0] = leg;
            return leg;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
