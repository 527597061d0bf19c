package org.switchboard.api.sip.send;

import java.util.Map;

/**
 * A request to send to a user's devices.
 *
 * @param method {@code MESSAGE} or {@code NOTIFY}
 * @param user the local user whose devices get it
 * @param from the sender's URI, e.g. {@code sip:alice@example.com}; null for the platform itself
 * @param contentType the body's type, e.g. {@code text/plain;charset=UTF-8}
 * @param body the body
 * @param headers extra headers (for NOTIFY at least {@code Event}), name to value
 */
public record OutgoingRequest(String method, String user, String from, String contentType, byte[] body,
        Map<String, String> headers) {
    public OutgoingRequest {
        body = body == null ? new byte[0] : body.clone();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
