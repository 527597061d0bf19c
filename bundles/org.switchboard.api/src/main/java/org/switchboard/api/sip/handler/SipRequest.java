package org.switchboard.api.sip.handler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request handed to a {@link SipRequestHandler}: what a handler needs of it, and the one way
 * to answer it. Header names are matched case-insensitively, compact forms included.
 */
@ProviderType
public interface SipRequest {

    /** @return the method, e.g. {@code MESSAGE} */
    String method();

    /** @return the Request-URI, e.g. {@code sip:alice@example.com} */
    String requestUri();

    /** @return the local user the request is addressed to, or empty when it is addressed to the platform */
    Optional<String> targetUser();

    /**
     * @return the local user who sent it, authenticated by the core; empty for a sender of another
     *         domain, admitted by the inbound policy without credentials
     */
    Optional<String> authenticatedUser();

    /** @return the From header's URI */
    String from();

    /** @return the To header's URI */
    String to();

    /** @return the Call-ID */
    String callId();

    /**
     * @param name a header name
     * @return the first value of the header, if present
     */
    Optional<String> header(String name);

    /**
     * @param name a header name
     * @return every value of the header, in order; empty if absent
     */
    List<String> headers(String name);

    /** @return the Content-Type, e.g. {@code text/plain;charset=UTF-8}, or empty without a body */
    Optional<String> contentType();

    /** @return the body, empty if none */
    byte[] body();

    /** @return where the request came from: {@code transport:address:port} */
    String source();

    /**
     * Answers the request. Only the first answer counts; a provisional status (1xx) is refused.
     *
     * @param status a final status, 200 to 699
     * @param reason the reason phrase, or null for the standard one
     * @return whether this was the answer (false if the request was answered already)
     * @throws IllegalArgumentException for a status below 200 or above 699
     */
    default boolean respond(int status, String reason) {
        return respond(status, reason, Map.of(), null, null);
    }

    /**
     * Answers the request with headers and a body.
     *
     * @param status a final status, 200 to 699
     * @param reason the reason phrase, or null for the standard one
     * @param headers extra headers, name to value
     * @param contentType the body's type, or null without a body
     * @param body the body, or null
     * @return whether this was the answer (false if the request was answered already)
     * @throws IllegalArgumentException for a status below 200 or above 699, or a malformed header
     */
    boolean respond(int status, String reason, Map<String, String> headers, String contentType, byte[] body);
}
