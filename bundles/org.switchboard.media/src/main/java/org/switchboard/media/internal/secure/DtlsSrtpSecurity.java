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
    private volatile IceCredentials localIce = IceCredentials.generate();
    private volatile IceLiteResponder ice;
    /** The responder before an ICE restart: its address carries media until a new check passes. */
    private volatile IceLiteResponder previousIce;
    private volatile DtlsHandshake handshake;
    private volatile SrtpSession srtp;
    private final SrtpBuffers buffers = new SrtpBuffers();
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
        IceLiteResponder current = ice;
        if (current == null) {
            ice = new IceLiteResponder(localIce, remote.iceUfrag());
        } else if (remote.iceUfrag() != null && !remote.iceUfrag().equals(current.remoteUfrag())) {
            restartIce(current, remote.iceUfrag(), offerer);
        }
        if (handshake != null) {
            if (remote.fingerprint() == null || remote.fingerprint().equalsIgnoreCase(remoteFingerprint)) {
                return; // re-INVITE with the same DTLS transport: keep the keys
            }
            // a new certificate (a new DTLS association, RFC 8842 section 5): a new handshake;
            // the old keys protect media until the new ones are ready
            LOG.info("Peer changed a=fingerprint in a re-{}: new DTLS handshake", offerer ? "answer" : "offer");
            handshake.close();
            handshake = null;
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

    /**
     * ICE restart (RFC 8445 section 9): the peer sent new credentials. As answerer we take new
     * ones too (the answer carries them). Media
     * keeps going to the old selected address until a check with the new credentials passes.
     */
    private void restartIce(IceLiteResponder current, String remoteUfrag, boolean offerer) {
        if (!offerer) {
            localIce = IceCredentials.generate();
        }
        previousIce = current;
        ice = new IceLiteResponder(localIce, remoteUfrag);
        LOG.debug("ICE restart: remote ufrag {}, local ufrag {}", remoteUfrag, localIce.ufrag());
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
                    IceLiteResponder old = previousIce;
                    if (old != null && !success(response) && !responder.nominated()) {
                        // during an ICE restart: a check with the credentials before it
                        byte[] oldResponse = old.handle(buf, off, len, from);
                        if (success(oldResponse)) {
                            response = oldResponse;
                        }
                    }
                    if (response != null) {
                        sender.send(ByteBuffer.wrap(response), from);
                        startClientOnceChecked();
                    }
                }
                return null;
            case DTLS:
                DtlsHandshake h = handshake;
                if (h != null && (consented(responder, from) || consentedBefore(from))) {
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
        return buffers.outbound(s, packet, rtcp);
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
        if (selected == null) {
            IceLiteResponder old = previousIce;
            selected = old == null ? null : old.selectedAddress();
        }
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
        if (s == null || !(consented(ice, from) || consentedBefore(from))) {
            return null;
        }
        return buffers.inbound(s, buf, off, len, rtcp);
    }

    private static boolean success(byte[] response) {
        if (response == null) {
            return false;
        }
        StunMessage m = StunMessage.decode(response, 0, response.length);
        return m != null && m.type() == StunMessage.BINDING_SUCCESS;
    }

    /** During an ICE restart: checked with the credentials before it, and no new pair nominated yet. */
    private boolean consentedBefore(InetSocketAddress from) {
        IceLiteResponder old = previousIce;
        IceLiteResponder now = ice;
        return old != null && (now == null || !now.nominated()) && old.isChecked(from);
    }

    /** With ICE, only checked addresses; a peer without ICE (no ufrag) is taken at its word. */
    private static boolean consented(IceLiteResponder responder, InetSocketAddress from) {
        return responder == null || responder.isChecked(from) || !responder.hasRemoteUfrag();
    }
}
