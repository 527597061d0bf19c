package org.switchboard.media.internal.secure;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ICE-lite (RFC 8445 section 2.5): answers the peer's STUN Binding requests and remembers which
 * remote addresses passed a check. The latest valid check with USE-CANDIDATE selects the address
 * media goes to; until one arrives, the latest valid check does.
 */
public final class IceLiteResponder {
    private static final int MAX_CHECKED = 16;

    private final IceCredentials local;
    private final String remoteUfrag;
    private final byte[] key;
    private final Map<InetSocketAddress, Long> checked = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Long> eldest) {
                    return size() > MAX_CHECKED;
                }
            });
    private volatile InetSocketAddress nominated;
    private volatile InetSocketAddress lastChecked;

    /** remoteUfrag may be null when the offer did not carry one; the part after ':' is then not checked. */
    public IceLiteResponder(IceCredentials local, String remoteUfrag) {
        this.local = local;
        this.remoteUfrag = remoteUfrag;
        this.key = StunMessage.shortTermKey(local.pwd());
    }

    /** Whether the peer's SDP carried ICE (a=ice-ufrag); without it, consent cannot be checked. */
    public boolean hasRemoteUfrag() {
        return remoteUfrag != null;
    }

    /** The peer's ufrag this responder expects, or null. */
    public String remoteUfrag() {
        return remoteUfrag;
    }

    public IceCredentials localCredentials() {
        return local;
    }

    /** Handles one STUN datagram; returns the response to send back to from, or null to drop it. */
    public byte[] handle(byte[] buf, int off, int len, InetSocketAddress from) {
        StunMessage request = StunMessage.decode(buf, off, len);
        if (request == null || !request.fingerprintValid() || request.type() != StunMessage.BINDING_REQUEST) {
            return null; // responses, indications and malformed or corrupted messages are dropped
        }
        StunAttribute username = request.attribute(StunAttribute.USERNAME);
        if (username == null || !request.has(StunAttribute.MESSAGE_INTEGRITY)) {
            return error(request, 400, "Bad Request");
        }
        if (!usernameMatches(new String(username.value(), StandardCharsets.UTF_8)) || !request.integrityValid(key)) {
            return error(request, 401, "Unauthorized");
        }
        for (StunAttribute a : request.attributes()) {
            if (a.comprehensionRequired() && !known(a.type())) {
                return error(request, 420, "Unknown Attribute");
            }
        }
        checked.put(from, System.nanoTime());
        lastChecked = from;
        if (request.has(StunAttribute.USE_CANDIDATE)) {
            nominated = from;
        }
        return new StunMessage(StunMessage.BINDING_SUCCESS, request.transactionId())
                .add(StunAttribute.XOR_MAPPED_ADDRESS, XorMappedAddress.encode(from, request.transactionId()))
                .encode(key, true);
    }

    /** Where media should go: the nominated address, else the latest checked one, else null. */
    public InetSocketAddress selectedAddress() {
        InetSocketAddress n = nominated;
        return n != null ? n : lastChecked;
    }

    public boolean nominated() {
        return nominated != null;
    }

    /** Consent (RFC 7675): whether from passed a connectivity check on this leg. */
    public boolean isChecked(InetSocketAddress from) {
        return checked.containsKey(from);
    }

    /** Nanotime of the latest valid check from the address, or -1; lets the engine expire consent. */
    public long lastCheckNanos(InetSocketAddress from) {
        Long t = checked.get(from);
        return t == null ? -1 : t;
    }

    private boolean usernameMatches(String username) {
        int colon = username.indexOf(':');
        if (colon < 0 || !username.substring(0, colon).equals(local.ufrag())) {
            return false;
        }
        return remoteUfrag == null || username.substring(colon + 1).equals(remoteUfrag);
    }

    private static boolean known(int type) {
        return type == StunAttribute.USERNAME || type == StunAttribute.MESSAGE_INTEGRITY
                || type == StunAttribute.PRIORITY || type == StunAttribute.USE_CANDIDATE;
    }

    private static byte[] error(StunMessage request, int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + text.length];
        value[2] = (byte) (code / 100);
        value[3] = (byte) (code % 100);
        System.arraycopy(text, 0, value, 4, text.length);
        return new StunMessage(StunMessage.BINDING_ERROR, request.transactionId())
                .add(StunAttribute.ERROR_CODE, value)
                .encode(null, true);
    }
}
