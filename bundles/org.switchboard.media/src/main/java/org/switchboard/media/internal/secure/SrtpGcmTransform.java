package org.switchboard.media.internal.secure;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AEAD_AES_128_GCM for SRTP or SRTCP (RFC 7714): header as AAD, 16-byte tag, 12-byte IV. */
final class SrtpGcmTransform implements SrtpTransform {
    private static final int TAG = 16;
    private static final int E_BIT = 0x80000000;
    private final boolean rtcp;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final Cipher gcm;
    private final byte[] iv = new byte[12];
    private final Map<Integer, SrtpStreamState> streams = new HashMap<>();
    private final Map<Integer, Integer> nextIndex = new HashMap<>();

    SrtpGcmTransform(SrtpMasterKey master, boolean rtcp) {
        this.rtcp = rtcp;
        int base = rtcp ? SrtpKeyDerivation.RTCP_ENCRYPTION : SrtpKeyDerivation.RTP_ENCRYPTION;
        this.key = new SecretKeySpec(SrtpKeyDerivation.derive(master.key(), master.salt(), base, 16), "AES");
        this.salt = SrtpKeyDerivation.derive(master.key(), master.salt(), base + 2, 12);
        try {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
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
        return rtcp ? protectRtcp(buf, off, len) : protectRtp(buf, off, len);
    }

    @Override
    public synchronized byte[] unprotect(byte[] buf, int off, int len) {
        return rtcp ? unprotectRtcp(buf, off, len) : unprotectRtp(buf, off, len);
    }

    private byte[] protectRtp(byte[] buf, int off, int len) {
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
        byte[] out = Arrays.copyOfRange(buf, off, off + len + TAG);
        setIv(ssrc, (int) (index >>> 16), (int) (index & 0xFFFF) << 16, true);
        return seal(out, header, len) ? out : null;
    }

    private byte[] unprotectRtp(byte[] buf, int off, int len) {
        int header = RtpHeader.length(buf, off, len - TAG);
        if (header < 0) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 8);
        SrtpStreamState state = streams.get(ssrc);
        SrtpStreamState fresh = state == null ? new SrtpStreamState() : state;
        long index = fresh.estimateIndex(RtpHeader.seq(buf, off));
        if (!fresh.replayAccepts(index)) {
            return null;
        }
        setIv(ssrc, (int) (index >>> 16), (int) (index & 0xFFFF) << 16, true);
        byte[] out = Arrays.copyOfRange(buf, off, off + len);
        if (!open(out, header, null)) {
            return null;
        }
        fresh.record(index);
        streams.putIfAbsent(ssrc, fresh);
        return Arrays.copyOf(out, len - TAG);
    }

    private byte[] protectRtcp(byte[] buf, int off, int len) {
        if (len < 8) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 4);
        int index = (nextIndex.merge(ssrc, 1, Integer::sum) - 1) & 0x7FFFFFFF;
        byte[] out = new byte[len + TAG + 4];
        System.arraycopy(buf, off, out, 0, len);
        RtpHeader.putInt32(out, len + TAG, E_BIT | index);
        setIv(ssrc, 0, index, false);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
            gcm.updateAAD(out, 0, 8);
            gcm.updateAAD(out, len + TAG, 4);
            gcm.doFinal(out, 8, len - 8, out, 8);
            return out;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private byte[] unprotectRtcp(byte[] buf, int off, int len) {
        if (len < 8 + TAG + 4) {
            return null;
        }
        int ssrc = RtpHeader.int32(buf, off + 4);
        int trailer = RtpHeader.int32(buf, off + len - 4);
        int index = trailer & 0x7FFFFFFF;
        SrtpStreamState state = streams.get(ssrc);
        SrtpStreamState fresh = state == null ? new SrtpStreamState() : state;
        if ((trailer & E_BIT) == 0 || !fresh.replayAccepts(index)) {
            return null; // unencrypted GCM SRTCP (GMAC only) is not offered by anyone we talk to
        }
        setIv(ssrc, 0, index, false);
        byte[] out = Arrays.copyOfRange(buf, off, off + len - 4);
        if (!open(out, 8, Arrays.copyOfRange(buf, off + len - 4, off + len))) {
            return null;
        }
        fresh.record(index);
        streams.putIfAbsent(ssrc, fresh);
        return Arrays.copyOf(out, len - 4 - TAG);
    }

    /** IV = salt XOR (00 00 || SSRC || ROC-or-0 || SEQ<<16-or-index); RTP uses the first form. */
    private void setIv(int ssrc, int word2, int word3, boolean rtpLayout) {
        Arrays.fill(iv, (byte) 0);
        RtpHeader.putInt32(iv, 2, ssrc);
        if (rtpLayout) {
            RtpHeader.putInt32(iv, 6, word2);
            iv[10] = (byte) (word3 >>> 24);
            iv[11] = (byte) (word3 >>> 16);
        } else {
            RtpHeader.putInt32(iv, 8, word3);
        }
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
    }

    private boolean seal(byte[] out, int aadLength, int len) {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
            gcm.updateAAD(out, 0, aadLength);
            gcm.doFinal(out, aadLength, len - aadLength, out, aadLength);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean open(byte[] packet, int aadLength, byte[] extraAad) {
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
            gcm.updateAAD(packet, 0, aadLength);
            if (extraAad != null) {
                gcm.updateAAD(extraAad);
            }
            gcm.doFinal(packet, aadLength, packet.length - aadLength, packet, aadLength);
            return true;
        } catch (GeneralSecurityException e) {
            return false; // AEADBadTagException: tampered or wrong key
        }
    }
}
