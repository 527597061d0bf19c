package org.switchboard.media.internal.secure;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-128 counter mode and HMAC-SHA1 with one set of session keys (RFC 3711 sections 4.1.1, 4.2.1). */
final class AesCmHmac {
    private final SecretKeySpec encryptionKey;
    private final byte[] salt;
    private final Cipher ctr;
    private final Mac hmac;
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[20];

    AesCmHmac(byte[] encryptionKey, byte[] sessionSalt, byte[] authKey) {
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.salt = sessionSalt.clone();
        try {
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR or HmacSHA1 unavailable", e);
        }
    }

    /** Derives the session keys for RTP (labels 0-2) or RTCP (labels 3-5) from a master key. */
    static AesCmHmac derive(SrtpMasterKey master, boolean rtcp) {
        int base = rtcp ? SrtpKeyDerivation.RTCP_ENCRYPTION : SrtpKeyDerivation.RTP_ENCRYPTION;
        byte[] k = master.key();
        byte[] s = master.salt();
        return new AesCmHmac(SrtpKeyDerivation.derive(k, s, base, master.profile().keyLength()),
                SrtpKeyDerivation.derive(k, s, base + 2, 14),
                SrtpKeyDerivation.derive(k, s, base + 1, 20));
    }

    /** XORs the keystream for (ssrc, index) over buf[off, off+len) in place. */
    void crypt(byte[] buf, int off, int len, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[13 - i] ^= (byte) (index >>> (8 * i));
        }
        try {
            ctr.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            ctr.doFinal(buf, off, len, buf, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR failed", e);
        }
    }

    /** Writes the first tagLength bytes of HMAC(buf[off, off+len) || trailer) to out[outOff]. */
    void tag(byte[] buf, int off, int len, int trailer, byte[] out, int outOff, int tagLength) {
        computeMac(buf, off, len, trailer);
        System.arraycopy(mac, 0, out, outOff, tagLength);
    }

    /** Constant-time check of the tag at buf[tagOff] against HMAC(buf[off, off+len) || trailer). */
    boolean verify(byte[] buf, int off, int len, int trailer, int tagOff, int tagLength) {
        computeMac(buf, off, len, trailer);
        byte[] expected = java.util.Arrays.copyOf(mac, tagLength);
        byte[] received = java.util.Arrays.copyOfRange(buf, tagOff, tagOff + tagLength);
        return MessageDigest.isEqual(expected, received);
    }

    private void computeMac(byte[] buf, int off, int len, int trailer) {
        hmac.update(buf, off, len);
        hmac.update((byte) (trailer >>> 24));
        hmac.update((byte) (trailer >>> 16));
        hmac.update((byte) (trailer >>> 8));
        hmac.update((byte) trailer);
        try {
            hmac.doFinal(mac, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 failed", e);
        }
    }
}
