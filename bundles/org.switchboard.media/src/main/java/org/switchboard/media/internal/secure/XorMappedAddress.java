package org.switchboard.media.internal.secure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** XOR-MAPPED-ADDRESS (RFC 5389 section 15.2) for IPv4 and IPv6. */
public final class XorMappedAddress {
    private XorMappedAddress() {
    }

    public static byte[] encode(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        ByteBuffer bb = ByteBuffer.allocate(4 + ip.length);
        bb.put((byte) 0).put((byte) (ip.length == 4 ? 1 : 2));
        bb.putShort((short) (address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16)));
        bb.put(xor(ip, transactionId));
        return bb.array();
    }

    public static InetSocketAddress decode(byte[] value, byte[] transactionId) {
        ByteBuffer bb = ByteBuffer.wrap(value);
        bb.get();
        int family = bb.get();
        int port = (bb.getShort() & 0xFFFF) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] ip = new byte[family == 1 ? 4 : 16];
        bb.get(ip);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(xor(ip, transactionId)), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length", e);
        }
    }

    private static byte[] xor(byte[] ip, byte[] transactionId) {
        byte[] mask = ByteBuffer.allocate(16).putInt(StunMessage.MAGIC_COOKIE).put(transactionId).array();
        byte[] out = new byte[ip.length];
        for (int i = 0; i < ip.length; i++) {
            out[i] = (byte) (ip[i] ^ mask[i]);
        }
        return out;
    }
}
