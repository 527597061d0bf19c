package org.switchboard.media.internal.secure;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.internal.transport.DatagramSender;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * A browser leg: ICE-lite answers connectivity checks, DTLS-SRTP (both setup roles) makes the
 * keys, SRTP/SRTCP protects media. DTLS and SRTP are only accepted from addresses that passed an
 * ICE check (consent); media should go to {@link #selectedAddress()}.
 */
public final class DtlsSrtpSecurity implements PacketSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSrtpSecurity.class);

    private final DtlsIdentity identity;
    private final BcTlsCrypto crypto;
    private final Executor executor;
    private final DatagramSender sender;
    private final IceCredentials localIce = IceCredentials.generate();
    private volatile IceLiteResponder ice;
    private volatile DtlsHandshake handshake;
    private volatile SrtpSession srtp;
    private volatile InetSocketAddress dtlsPeer;
    private volatile String remoteFingerprint;

    DtlsSrtpSecurity(DtlsIdentity identity, BcTlsCrypto crypto, Executor executor, DatagramSender sender) {
        this.identity = identity;
        this.crypto = crypto;
        this.executor = executor;
        this.sender = sender;
    }

    @Override
    public SecurityAttributes local() {
        DtlsHandshake h = handshake;
        String setup = h == null ? "actpass" : h.role().answerSetup();
        return new SecurityAttributes(localIce.ufrag(), localIce.pwd(), true, List.of(),
                identity.fingerprint().format(), setup, List.of());
    }

    @Override
    public synchronized void remote(SecurityAttributes remote, boolean offerer) {
        if (ice == null) {
            ice = new IceLiteResponder(localIce, remote.iceUfrag());
        }
        if (handshake != null) {
            if (remote.fingerprint() != null && !remote.fingerprint().equalsIgnoreCase(remoteFingerprint)) {
                LOG.warn("Peer changed a=fingerprint in a re-offer; DTLS renegotiation is not supported, keeping the old keys");
            }
            return; // re-INVITE with the same transport: keep ICE and DTLS as they are
        }
        remoteFingerprint = remote.fingerprint();
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(remote.fingerprint());
        if (fingerprint == null) {
            LOG.warn("Peer SDP has no usable a=fingerprint ({}); the DTLS handshake will be refused", remote.fingerprint());
        }
        DtlsHandshake h = new DtlsHandshake(DtlsRole.resolve(remote.setup(), offerer), crypto, identity, fingerprint,
                sender, this::selectedAddress, executor);
        h.keys().whenComplete((keys, error) -> {
            if (keys != null) {
                srtp = new SrtpSession(keys.local(), keys.remote());
                LOG.debug("DTLS-SRTP ready as {} with {}", h.role(), keys.local().profile());
            } else {
                LOG.info("DTLS handshake as {} failed: {}", h.role(), error.toString());
            }
        });
        handshake = h;
        if (h.role() == DtlsRole.CLIENT && selectedAddress() != null) {
            h.start();
        }
    }

    @Override
    public ByteBuffer inbound(ByteBuffer datagram, InetSocketAddress from) {
        byte[] buf = Datagrams.array(datagram);
        int off = Datagrams.offset(datagram);
        int len = datagram.remaining();
        IceLiteResponder responder = ice;
        switch (PacketKind.of(buf, off, len)) {
            case STUN:
                if (responder != null) {
                    byte[] response = responder.handle(buf, off, len, from);
                    if (response != null) {
                        sender.send(ByteBuffer.wrap(response), from);
                        startClientOnceChecked();
                    }
                }
                return null;
            case DTLS:
                DtlsHandshake h = handshake;
                if (h != null && consented(responder, from)) {
                    dtlsPeer = from;
                    h.onRecord(java.util.Arrays.copyOfRange(buf, off, off + len));
                    h.start(); // server: the first ClientHello starts it; client: already running
                }
                return null;
            case RTP:
                return unprotect(buf, off, len, from, false);
            case RTCP:
                return unprotect(buf, off, len, from, true);
            default:
                return null;
        }
    }

    @Override
    public ByteBuffer outbound(ByteBuffer packet, boolean rtcp) {
        SrtpSession s = srtp;
        if (s == null) {
            return null;
        }
        byte[] buf = Datagrams.array(packet);
        int off = Datagrams.offset(packet);
        byte[] out = rtcp ? s.protectRtcp(buf, off, packet.remaining()) : s.protectRtp(buf, off, packet.remaining());
        return out == null ? null : ByteBuffer.wrap(out);
    }

    @Override
    public boolean ready() {
        return srtp != null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return selectedAddress();
    }

    /** Where media goes: the ICE-nominated (or latest checked) address; without ICE, the DTLS peer. */
    public InetSocketAddress selectedAddress() {
        IceLiteResponder responder = ice;
        InetSocketAddress selected = responder == null ? null : responder.selectedAddress();
        return selected != null ? selected : dtlsPeer;
    }

    @Override
    public void close() {
        DtlsHandshake h = handshake;
        if (h != null) {
            h.close();
        }
        srtp = null;
    }

    private void startClientOnceChecked() {
        DtlsHandshake h = handshake;
        if (h != null && h.role() == DtlsRole.CLIENT) {
            h.start();
        }
    }

    private ByteBuffer unprotect(byte[] buf, int off, int len, InetSocketAddress from, boolean rtcp) {
        SrtpSession s = srtp;
        if (s == null || !consented(ice, from)) {
            return null;
        }
        byte[] plain = rtcp ? s.unprotectRtcp(buf, off, len) : s.unprotectRtp(buf, off, len);
        return plain == null ? null : ByteBuffer.wrap(plain);
    }

    /** With ICE, only checked addresses; a peer without ICE (no ufrag) is taken at its word. */
    private static boolean consented(IceLiteResponder responder, InetSocketAddress from) {
        return responder == null || responder.isChecked(from) || !responder.hasRemoteUfrag();
    }
}
