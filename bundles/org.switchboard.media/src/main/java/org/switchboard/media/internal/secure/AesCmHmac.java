package org.switchboard.media.internal.secure;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 counter mode and HMAC-SHA1 with one set of session keys (RFC 3711 sections 4.1.1, 4.2.1).
 * The keystream is AES-ECB over counter blocks built here, with a cipher initialised once: a JCE
 * CTR cipher would need an init (and its parameter objects) per packet, and copies its input when
 * encrypting in place. HMAC-SHA1 (RFC 2104) is written out over a SHA-1 digest for the same
 * reason: {@code Mac.doFinal} allocates the inner digest on every call. Not thread-safe: its
 * transform serialises the calls.
 */
final class AesCmHmac {
    /** Keystream made per cipher call: 256 blocks, longer packets take several calls. */
    private static final int CHUNK = 4096;
    private final byte[] salt;
    private final Cipher ecb;
    private final MessageDigest sha1;
    private final byte[] ipad = new byte[64];
    private final byte[] opad = new byte[64];
    private final byte[] inner = new byte[20];
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[20];
    private final byte[] counters = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];

    AesCmHmac(byte[] encryptionKey, byte[] sessionSalt, byte[] authKey) {
        this.salt = sessionSalt.clone();
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"));
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES or SHA-1 unavailable", e);
        }
        byte[] k = authKey.length > 64 ? sha1.digest(authKey) : authKey;
        for (int i = 0; i < 64; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
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
        int block = 0; // the counter: the IV's last 16 bits (zero in the IV) count the blocks
        for (int done = 0; done < len; done += CHUNK) {
            int n = Math.min(CHUNK, len - done);
            int bytes = (n + 15) & ~15;
            for (int b = 0; b < bytes; b += 16, block++) {
                System.arraycopy(iv, 0, counters, b, 14);
                counters[b + 14] = (byte) (block >>> 8);
                counters[b + 15] = (byte) block;
            }
            try {
                ecb.update(counters, 0, bytes, keystream, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES failed", e);
            }
            for (int i = 0; i < n; i++) {
                buf[off + done + i] ^= keystream[i];
            }
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
        int diff = 0; // constant time, as MessageDigest.isEqual, without copying the tags
        for (int i = 0; i < tagLength; i++) {
            diff |= mac[i] ^ buf[tagOff + i];
        }
        return diff == 0;
    }

    /** HMAC-SHA1 (RFC 2104): SHA1(K ^ opad || SHA1(K ^ ipad || data)) into {@link #mac}. */
    private void computeMac(byte[] buf, int off, int len, int trailer) {
        try {
            sha1.update(ipad);
            sha1.update(buf, off, len);
            sha1.update((byte) (trailer >>> 24));
            sha1.update((byte) (trailer >>> 16));
            sha1.update((byte) (trailer >>> 8));
            sha1.update((byte) trailer);
            sha1.digest(inner, 0, inner.length);
            sha1.update(opad);
            sha1.update(inner);
            sha1.digest(mac, 0, mac.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 failed", e);
        }
    }
}
