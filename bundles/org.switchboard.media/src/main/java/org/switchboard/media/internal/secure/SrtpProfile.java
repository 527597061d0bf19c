package org.switchboard.media.internal.secure;

/**
 * The SRTP protection profiles this engine speaks, with their DTLS-SRTP ids (RFC 5764, RFC 7714)
 * and SDES suite names (RFC 4568).
 */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80(0x0001, "AES_CM_128_HMAC_SHA1_80", 16, 14, 10, 10),
    AES_CM_128_HMAC_SHA1_32(0x0002, "AES_CM_128_HMAC_SHA1_32", 16, 14, 4, 10),
    AEAD_AES_128_GCM(0x0007, "AEAD_AES_128_GCM", 16, 12, 16, 16);

    private final int dtlsId;
    private final String sdesName;
    private final int keyLength;
    private final int saltLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;

    SrtpProfile(int dtlsId, String sdesName, int keyLength, int saltLength, int rtpTag, int rtcpTag) {
        this.dtlsId = dtlsId;
        this.sdesName = sdesName;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTag;
        this.rtcpTagLength = rtcpTag;
    }

    public int dtlsId() {
        return dtlsId;
    }

    public String sdesName() {
        return sdesName;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** SRTP authentication tag length; for GCM the AEAD tag. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** SRTCP tag length: 80 bits even for the _32 profile (RFC 5764 section 4.1.2). */
    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    public boolean aead() {
        return this == AEAD_AES_128_GCM;
    }

    public static SrtpProfile byDtlsId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == id) {
                return p;
            }
        }
        return null;
    }

    public static SrtpProfile bySdesName(String name) {
        for (SrtpProfile p : values()) {
            if (p.sdesName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
