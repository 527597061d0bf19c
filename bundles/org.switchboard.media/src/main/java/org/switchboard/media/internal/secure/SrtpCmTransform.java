package org.switchboard.media.internal.secure;

import java.util.HashMap;
import java.util.Map;

/**
 * SRTP (RTP packets) with AES-CM and HMAC-SHA1 (RFC 3711 section 3.3). Protects and unprotects
 * into the caller's buffer: nothing is allocated per packet (the stream of the last SSRC is kept
 * at hand, so the map and its boxed key are only used when the SSRC changes).
 */
final class SrtpCmTransform implements SrtpTransform {
    private final AesCmHmac crypto;
    private final int tagLength;
    private final Map<Integer, SrtpStreamState> streams = new HashMap<>();
    private int lastSsrc;
    private SrtpStreamState last;

    SrtpCmTransform(SrtpMasterKey master) {
        this.crypto = AesCmHmac.derive(master, false);
        this.tagLength = master.profile().rtpTagLength();
    }

    @Override
    public synchronized int protect(byte[] buf, int off, int len, byte[] out) {
        int header = RtpHeader.length(buf, off, len);
        if (header < 0 || len + tagLength > out.length) {
            return -1;
        }
        int ssrc = RtpHeader.int32(buf, off + 8);
        SrtpStreamState state = stream(ssrc);
        if (state == null) {
            state = new SrtpStreamState();
            remember(ssrc, state);
        }
        long index = state.estimateIndex(RtpHeader.seq(buf, off));
        if (index < 0) {
            return -1;
        }
        state.record(index);
        System.arraycopy(buf, off, out, 0, len);
        crypto.crypt(out, header, len - header, ssrc, index);
        crypto.tag(out, 0, len, (int) (index >>> 16), out, len, tagLength);
        return len + tagLength;
    }

    @Override
    public synchronized int unprotect(byte[] buf, int off, int len, byte[] out) {
        int plainLength = len - tagLength;
        int header = RtpHeader.length(buf, off, plainLength);
        if (header < 0 || plainLength > out.length) {
            return -1;
        }
        int ssrc = RtpHeader.int32(buf, off + 8);
        SrtpStreamState state = stream(ssrc);
        SrtpStreamState fresh = state == null ? new SrtpStreamState() : state;
        long index = fresh.estimateIndex(RtpHeader.seq(buf, off));
        if (!fresh.replayAccepts(index)
                || !crypto.verify(buf, off, plainLength, (int) (index >>> 16), off + plainLength, tagLength)) {
            return -1;
        }
        System.arraycopy(buf, off, out, 0, plainLength);
        crypto.crypt(out, header, plainLength - header, ssrc, index);
        fresh.record(index);
        if (state == null) {
            remember(ssrc, fresh); // only an authenticated packet creates a stream
        }
        return plainLength;
    }

    private SrtpStreamState stream(int ssrc) {
        if (last != null && lastSsrc == ssrc) {
            return last;
        }
        SrtpStreamState s = streams.get(ssrc);
        if (s != null) {
            lastSsrc = ssrc;
            last = s;
        }
        return s;
    }

    private void remember(int ssrc, SrtpStreamState state) {
        streams.put(ssrc, state);
        lastSsrc = ssrc;
        last = state;
    }
}
