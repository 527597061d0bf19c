package org.switchboard.sip.internal.overload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code 503 Service Unavailable} with {@code Retry-After} built straight from a request's
 * bytes (RFC 3261 21.5.4, 8.2.6.2): Via, From, To, Call-ID and CSeq copied, a To tag added. It
 * needs no parse, no transaction and no lookup, so shedding a request costs a fraction of
 * handling it, and the receive thread can shed at the rate requests arrive.
 */
public final class Overload503 {
    private static final byte[] CRLF = {'\r', '\n'};
    private final byte[] statusLine = "SIP/2.0 503 Service Unavailable\r\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] trailer;

    /** @param retryAfterSeconds the Retry-After value: when the client may try this server again */
    public Overload503(int retryAfterSeconds) {
        trailer = ("Retry-After: " + retryAfterSeconds + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the response's bytes, or null when the request lacks what a response must copy */
    public byte[] answer(DatagramHead request) {
        if (!request.answerable() || request.priority() || "ACK".equals(request.method())) {
            return null;
        }
        byte[] data = request.data();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(statusLine);
        for (int[] line : request.copied) {
            out.write(data, line[0], line[1] - line[0]);
            if (isTo(data, line[0])) {
                out.writeBytes((";tag=sb" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(CRLF);
        }
        out.writeBytes(trailer);
        return out.toByteArray();
    }

    private static boolean isTo(byte[] data, int start) {
        int c = data[start] | 0x20;
        if (c != 't') {
            return false;
        }
        int i = start + 1;
        if ((data[i] | 0x20) == 'o') {
            i++;
        }
        while (data[i] == ' ' || data[i] == '\t') {
            i++;
        }
        return data[i] == ':';
    }
}
