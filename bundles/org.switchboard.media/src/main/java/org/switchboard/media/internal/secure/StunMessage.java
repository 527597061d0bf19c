package org.switchboard.media.internal.secure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A STUN message (RFC 5389): decoding with MESSAGE-INTEGRITY and FINGERPRINT checks, and
 * encoding with both appended. Short-term credentials only, as ICE uses them.
 */
public final class StunMessage {
    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_SUCCESS = 0x0101;
    public static final int BINDING_ERROR = 0x0111;
    private static final int FINGERPRINT_XOR = 0x5354554e;
    private static final int HMAC_LENGTH = 20;

    private final int type;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private byte[] raw;
    private int integrityOffset = -1;
    private int fingerprintOffset = -1;

    public StunMessage(int type, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        this.type = type;
        this.transactionId = transactionId.clone();
    }

    public int type() {
        return type;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public List<StunAttribute> attributes() {
        return List.copyOf(attributes);
    }

    public StunMessage add(int attributeType, byte[] value) {
        attributes.add(new StunAttribute(attributeType, value.clone()));
        return this;
    }

    public StunAttribute attribute(int attributeType) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return a;
            }
        }
        return null;
    }

    public boolean has(int attributeType) {
        return attribute(attributeType) != null;
    }

    /** Decodes a datagram; null when it is not a well-formed STUN message. */
    public static StunMessage decode(byte[] buf, int off, int len) {
        if (len < HEADER_LENGTH || (buf[off] & 0xC0) != 0) {
            return null;
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int type = bb.getShort() & 0xFFFF;
        int length = bb.getShort() & 0xFFFF;
        if (bb.getInt() != MAGIC_COOKIE || (length & 3) != 0 || length + HEADER_LENGTH != len) {
            return null;
        }
        byte[] tid = new byte[12];
        bb.get(tid);
        StunMessage m = new StunMessage(type, tid);
        m.raw = Arrays.copyOfRange(buf, off, off + len);
        while (bb.remaining() >= 4) {
            int at = bb.position() - off;
            int atype = bb.getShort() & 0xFFFF;
            int alen = bb.getShort() & 0xFFFF;
            int padded = (alen + 3) & ~3;
            if (padded > bb.remaining() || m.fingerprintOffset >= 0) {
                return null; // truncated, or something after FINGERPRINT
            }
            byte[] value = new byte[alen];
            bb.get(value);
            bb.position(bb.position() + padded - alen);
            if (atype == StunAttribute.FINGERPRINT) {
                m.fingerprintOffset = at;
            } else if (m.integrityOffset >= 0) {
                continue; // attributes after MESSAGE-INTEGRITY are ignored (RFC 5389 15.4)
            } else if (atype == StunAttribute.MESSAGE_INTEGRITY) {
                m.integrityOffset = at;
            }
            m.attributes.add(new StunAttribute(atype, value));
        }
        return bb.remaining() == 0 ? m : null;
    }

    /** True when there is no FINGERPRINT or when it matches. */
    public boolean fingerprintValid() {
        if (fingerprintOffset < 0) {
            return true;
        }
        byte[] copy = withLength(raw, fingerprintOffset + 8);
        int expected = crc(copy, fingerprintOffset);
        return ByteBuffer.wrap(raw, fingerprintOffset + 4, 4).getInt() == expected;
    }

    /** True when MESSAGE-INTEGRITY is present and is the HMAC-SHA1 of the message under key. */
    public boolean integrityValid(byte[] key) {
        if (integrityOffset < 0) {
            return false;
        }
        byte[] copy = withLength(raw, integrityOffset + 4 + HMAC_LENGTH);
        byte[] mac = hmac(key, copy, integrityOffset);
        byte[] received = Arrays.copyOfRange(raw, integrityOffset + 4, integrityOffset + 4 + HMAC_LENGTH);
        return MessageDigest.isEqual(mac, received);
    }

    /** Encodes the attributes, then MESSAGE-INTEGRITY when key is not null, then FINGERPRINT. */
    public byte[] encode(byte[] integrityKey, boolean fingerprint) {
        int size = HEADER_LENGTH;
        for (StunAttribute a : attributes) {
            size += 4 + ((a.value().length + 3) & ~3);
        }
        int total = size + (integrityKey != null ? 24 : 0) + (fingerprint ? 8 : 0);
        ByteBuffer bb = ByteBuffer.allocate(total);
        bb.putShort((short) type).putShort((short) (size - HEADER_LENGTH)).putInt(MAGIC_COOKIE).put(transactionId);
        for (StunAttribute a : attributes) {
            bb.putShort((short) a.type()).putShort((short) a.value().length).put(a.value());
            bb.position(bb.position() + (((a.value().length + 3) & ~3) - a.value().length));
        }
        byte[] out = bb.array();
        if (integrityKey != null) {
            bb.putShort(2, (short) (bb.position() + 24 - HEADER_LENGTH));
            byte[] mac = hmac(integrityKey, out, bb.position());
            bb.putShort((short) StunAttribute.MESSAGE_INTEGRITY).putShort((short) HMAC_LENGTH).put(mac);
        }
        if (fingerprint) {
            bb.putShort(2, (short) (bb.position() + 8 - HEADER_LENGTH));
            int crc = crc(out, bb.position());
            bb.putShort((short) StunAttribute.FINGERPRINT).putShort((short) 4).putInt(crc);
        }
        return out;
    }

    /** Short-term credential key: the password's UTF-8 bytes (SASLprep is the identity for ice-chars). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withLength(byte[] raw, int end) {
        byte[] copy = raw.clone();
        int length = end - HEADER_LENGTH;
        copy[2] = (byte) (length >> 8);
        copy[3] = (byte) length;
        return copy;
    }

    private static int crc(byte[] data, int len) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, len);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static byte[] hmac(byte[] key, byte[] data, int len) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(data, 0, len);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
