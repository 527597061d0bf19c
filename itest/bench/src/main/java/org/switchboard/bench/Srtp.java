package org.switchboard.bench;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an SRTP stream, AES_CM_128_HMAC_SHA1_80 (RFC 3711), written against the RFC with
 * the JDK's AES and HMAC only. Key derivation rate 0, no MKI, one SSRC per context. Not thread-safe:
 * the sending side is used by one sender thread, the receiving side by one receiver thread.
 */
final class Srtp {
    static final int TAG = 10;
    private final byte[] salt; // 14 bytes session salt
    private final SecretKeySpec cipherKey;
    private final Mac mac;
    private final Cipher ctr;
    private final Cipher ecb;
    private final byte[] iv = new byte[16];
    private final byte[] roc4 = new byte[4];
    private final byte[] tag = new byte[20];
    private long roc;
    private int lastSeq = -1;

    Srtp(byte[] masterKey, byte[] masterSalt) {
        try {
            byte[] k = derive(masterKey, masterSalt, 0, 16);
            byte[] a = derive(masterKey, masterSalt, 1, 20);
            salt = derive(masterKey, masterSalt, 2, 14);
            cipherKey = new SecretKeySpec(k, "AES");
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(a, "HmacSHA1"));
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, cipherKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session key for {@code label} (0 cipher key, 1 auth key, 2 salt), RFC 3711 4.3.1, kdr = 0. */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) throws GeneralSecurityException {
        byte[] x = new byte[16];
        System.arraycopy(masterSalt, 0, x, 0, 14);
        x[7] ^= (byte) label;
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(x));
        return c.doFinal(new byte[length]);
    }

    static int headerLength(byte[] p, int off, int len) {
        int h = 12 + 4 * (p[off] & 0x0F);
        if ((p[off] & 0x10) != 0 && len >= h + 4) {
            h += 4 + 4 * (((p[off + h + 2] & 0xFF) << 8) | (p[off + h + 3] & 0xFF));
        }
        return h;
    }

    private void iv(long ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    private static long ssrc(byte[] p, int off) {
        return ((p[off + 8] & 0xFFL) << 24) | ((p[off + 9] & 0xFF) << 16) | ((p[off + 10] & 0xFF) << 8) | (p[off + 11] & 0xFF);
    }

    private static int seq(byte[] p, int off) {
        return ((p[off + 2] & 0xFF) << 8) | (p[off + 3] & 0xFF);
    }

    private void authTag(byte[] p, int off, int len, long r) {
        mac.update(p, off, len);
        roc4[0] = (byte) (r >>> 24);
        roc4[1] = (byte) (r >>> 16);
        roc4[2] = (byte) (r >>> 8);
        roc4[3] = (byte) r;
        mac.update(roc4);
        try {
            mac.doFinal(tag, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts and authenticates the RTP packet in place; {@code buf} needs 10 spare bytes. Returns the new length. */
    int protect(byte[] p, int off, int len) {
        int seq = seq(p, off);
        if (lastSeq >= 0 && seq < lastSeq && lastSeq - seq > 0x8000) {
            roc++;
        }
        lastSeq = seq;
        long index = (roc << 16) | seq;
        int h = headerLength(p, off, len);
        iv(ssrc(p, off), index);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(iv));
            ctr.doFinal(p, off + h, len - h, p, off + h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        authTag(p, off, len, roc);
        System.arraycopy(tag, 0, p, off + len, TAG);
        return len + TAG;
    }

    /**
     * Checks the tag of an SRTP packet and decrypts the first {@code clearBytes} of its payload in place
     * (the bench reads only the start of the payload). Returns the RTP length, or -1 when the tag is wrong.
     */
    int unprotect(byte[] p, int off, int len, int clearBytes) {
        if (len < 12 + TAG) {
            return -1;
        }
        int seq = seq(p, off);
        long r = roc;
        if (lastSeq >= 0) { // RFC 3711 3.3.1 index guess
            if (lastSeq < 0x8000) {
                if (seq - lastSeq > 0x8000) {
                    r = roc - 1;
                }
            } else if (lastSeq - 0x8000 > seq) {
                r = roc + 1;
            }
        }
        int rtpLen = len - TAG;
        authTag(p, off, rtpLen, r);
        if (!MessageDigest.isEqual(Arrays.copyOf(tag, TAG), Arrays.copyOfRange(p, off + rtpLen, off + len))) {
            return -1;
        }
        if (r > roc || r == roc && seq > lastSeq || lastSeq < 0) {
            roc = Math.max(r, 0);
            lastSeq = seq;
        }
        int h = headerLength(p, off, rtpLen);
        int n = Math.min(clearBytes, rtpLen - h);
        if (n > 0) {
            iv(ssrc(p, off), (Math.max(r, 0) << 16) | seq);
            try {
                byte[] ks = new byte[16 * ((n + 15) / 16)];
                for (int b = 0; b < ks.length; b += 16) {
                    ecb.doFinal(iv, 0, 16, ks, b);
                    for (int i = 15; i >= 0 && ++iv[i] == 0; i--) { // counter + 1
                    }
                }
                for (int i = 0; i < n; i++) {
                    p[off + h + i] ^= ks[i];
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return rtpLen;
    }
}
