package org.switchboard.media.internal.secure;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The SRTP key derivation PRF (RFC 3711 section 4.3, AES-CM, key derivation rate 0). */
public final class SrtpKeyDerivation {
    public static final int RTP_ENCRYPTION = 0;
    public static final int RTP_AUTH = 1;
    public static final int RTP_SALT = 2;
    public static final int RTCP_ENCRYPTION = 3;
    public static final int RTCP_AUTH = 4;
    public static final int RTCP_SALT = 5;

    private SrtpKeyDerivation() {
    }

    /**
     * Derives length bytes for label. The master salt (14 bytes, or 12 for GCM per RFC 7714) sits at
     * the start of the 128-bit counter block and the label is XORed into byte 7.
     */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR unavailable", e);
        }
    }
}
