package org.switchboard.media.internal.secure;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.internal.transport.PacketSecurity;
import org.switchboard.media.internal.transport.SecurityAttributes;

/**
 * A SIP phone leg with SDES-SRTP (RFC 4568, {@code RTP/SAVP}). As offerer we offer AES_CM_128_HMAC_SHA1_80
 * (tag 1) and _32 (tag 2); as answerer we take the peer's first usable line and answer it with a
 * fresh key under the same tag and suite.
 */
public final class SdesSrtpSecurity implements PacketSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(SdesSrtpSecurity.class);

    private volatile List<SdesCrypto> localLines = List.of(
            SdesCrypto.generate(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
            SdesCrypto.generate(2, SrtpProfile.AES_CM_128_HMAC_SHA1_32));
    private volatile SrtpSession srtp;
    private final SrtpBuffers buffers = new SrtpBuffers();

    @Override
    public SecurityAttributes local() {
        List<String> lines = new ArrayList<>();
        for (SdesCrypto c : localLines) {
            lines.add(c.format());
        }
        return new SecurityAttributes(null, null, false, List.of(), null, null, lines);
    }

    @Override
    public synchronized void remote(SecurityAttributes remote, boolean offerer) {
        for (String line : remote.crypto()) {
            SdesCrypto theirs = SdesCrypto.parse(line);
            if (theirs == null) {
                continue;
            }
            SdesCrypto ours = offerer ? ourLine(theirs) : answerFor(theirs);
            if (ours != null) {
                localLines = List.of(ours);
                srtp = new SrtpSession(ours.key(), theirs.key());
                return;
            }
        }
        LOG.warn("No usable a=crypto line in the peer's SDP ({} lines); SRTP media will be dropped", remote.crypto().size());
        srtp = null;
    }

    @Override
    public ByteBuffer inbound(ByteBuffer datagram, InetSocketAddress from) {
        SrtpSession s = srtp;
        if (s == null) {
            return null;
        }
        byte[] buf = Datagrams.array(datagram);
        int off = Datagrams.offset(datagram);
        PacketKind kind = PacketKind.of(buf, off, datagram.remaining());
        if (kind != PacketKind.RTP && kind != PacketKind.RTCP) {
            return null;
        }
        return buffers.inbound(s, buf, off, datagram.remaining(), kind == PacketKind.RTCP);
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
    public void close() {
        srtp = null;
    }

    /** We offered: the answer's line must carry one of our tags with the same suite. */
    private SdesCrypto ourLine(SdesCrypto theirs) {
        for (SdesCrypto c : localLines) {
            if (c.tag() == theirs.tag() && c.key().profile() == theirs.key().profile()) {
                return c;
            }
        }
        return null;
    }

    /** We answer: keep our key when re-answering the same suite (re-INVITE), else make one. */
    private SdesCrypto answerFor(SdesCrypto theirs) {
        SrtpProfile profile = theirs.key().profile();
        for (SdesCrypto c : localLines) {
            if (srtp != null && c.tag() == theirs.tag() && c.key().profile() == profile) {
                return c;
            }
        }
        return SdesCrypto.generate(theirs.tag(), profile);
    }
}
