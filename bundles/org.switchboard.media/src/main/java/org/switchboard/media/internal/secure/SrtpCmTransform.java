package org.switchboard.media.internal.secure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** SRTP (RTP packets) with AES-CM and HMAC-SHA1 (RFC 3711 section 3.3). */
final class SrtpCmTransform implements SrtpTransform {
    private final AesCmHmac crypto;
    private final int tagLength;
    private final Map<Integer, SrtpStreamState> streams = new HashMap<>();

    SrtpCmTransform(SrtpMasterKey master) {
        this.crypto = AesCmHmac.derive(master, false);
        this.tagLength = master.profile().rtpTagLength();
    }

    @Override
    public synchronized byte[] protect(byte[] buf, int off, int len) {
        int header = RtpHeader.length(buf, off, len);
        if (header < 0) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 8);
        SrtpStreamState state = streams.computeIfAbsent(ssrc, s -> new SrtpStreamState());
        long index = state.estimateIndex(RtpHeader.seq(buf, off));
        if (index < 0) {
            return null;
        }
        state.record(index);
        byte[] out = Arrays.copyOfRange(buf, off, off + len + tagLength);
        crypto.crypt(out, header, len - header, ssrc, index);
        crypto.tag(out, 0, len, (int) (index >>> 16), out, len, tagLength);
        return out;
    }

    @Override
    public synchronized byte[] unprotect(byte[] buf, int off, int len) {
        int plainLength = len - tagLength;
        int header = RtpHeader.length(buf, off, plainLength);
        if (header < 0) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 8);
        SrtpStreamState state = streams.get(ssrc);
        SrtpStreamState fresh = state == null ? new SrtpStreamState() : state;
        long index = fresh.estimateIndex(RtpHeader.seq(buf, off));
        if (!fresh.replayAccepts(index)
                || !crypto.verify(buf, off, plainLength, (int) (index >>> 16), off + plainLength, tagLength)) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(buf, off, off + plainLength);
        crypto.crypt(out, header, plainLength - header, ssrc, index);
        fresh.record(index);
        if (state == null) {
            streams.put(ssrc, fresh);
        }
        return out;
    }
}
