package org.switchboard.media.internal.secure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** SRTCP with AES-CM and HMAC-SHA1 (RFC 3711 section 3.4): encrypted, E-bit and 31-bit index. */
final class SrtcpCmTransform implements SrtpTransform {
    private static final int E_BIT = 0x80000000;
    private final AesCmHmac crypto;
    private final int tagLength;
    private final Map<Integer, Integer> nextIndex = new HashMap<>();
    private final Map<Integer, ReplayWindow> windows = new HashMap<>();

    SrtcpCmTransform(SrtpMasterKey master) {
        this.crypto = AesCmHmac.derive(master, true);
        this.tagLength = master.profile().rtcpTagLength();
    }

    @Override
    public int protect(byte[] buf, int off, int len, byte[] out) {
        return SrtpTransform.into(protect(buf, off, len), out);
    }

    @Override
    public int unprotect(byte[] buf, int off, int len, byte[] out) {
        return SrtpTransform.into(unprotect(buf, off, len), out);
    }

    // RTCP (a report every few seconds) and GCM allocate their result: not on the per-packet path
    @Override
    public synchronized byte[] protect(byte[] buf, int off, int len) {
        if (len < 8) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 4);
        int index = nextIndex.merge(ssrc, 1, (a, b) -> (a + b) & 0x7FFFFFFF) - 1;
        index &= 0x7FFFFFFF;
        byte[] out = Arrays.copyOfRange(buf, off, off + len + 4 + tagLength);
        crypto.crypt(out, 8, len - 8, ssrc, index);
        RtpHeader.putInt32(out, len, E_BIT | index);
        crypto.tag(out, 0, len, E_BIT | index, out, len + 4, tagLength);
        return out;
    }

    @Override
    public synchronized byte[] unprotect(byte[] buf, int off, int len) {
        int plainLength = len - tagLength - 4;
        if (plainLength < 8) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 4);
        int trailer = RtpHeader.int32(buf, off + plainLength);
        int index = trailer & 0x7FFFFFFF;
        ReplayWindow window = windows.get(ssrc);
        ReplayWindow fresh = window == null ? new ReplayWindow() : window;
        if (!fresh.accepts(index) || !crypto.verify(buf, off, plainLength, trailer, off + plainLength + 4, tagLength)) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(buf, off, off + plainLength);
        if ((trailer & E_BIT) != 0) {
            crypto.crypt(out, 8, plainLength - 8, ssrc, index);
        }
        fresh.record(index);
        if (window == null) {
            windows.put(ssrc, fresh);
        }
        return out;
    }
}
