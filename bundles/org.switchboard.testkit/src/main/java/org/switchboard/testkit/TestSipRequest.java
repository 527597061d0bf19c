package org.switchboard.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.api.sip.handler.SipRequest;

/**
 * A {@link SipRequest} for handler tests: built with the fields a test needs, it records every
 * answer the handler gives (the core sends only the first) and completes {@link #answer()}
 * with the first.
 */
public final class TestSipRequest implements SipRequest {
    /** One answer of the handler. */
    public record Answer(int status, String reason, Map<String, String> headers, String contentType, byte[] body) {
    }

    private final String method;
    private final String target;
    private final String sender;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Answer> first = new CompletableFuture<>();

    /**
     * @param method the method, e.g. MESSAGE
     * @param target the local user addressed
     * @param sender the authenticated sender, or null for another domain's
     */
    public TestSipRequest(String method, String target, String sender) {
        this.method = method;
        this.target = target;
        this.sender = sender;
    }

    /** Adds a header; returns this request. */
    public TestSipRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Sets the body and its Content-Type; returns this request. */
    public TestSipRequest body(String contentType, String text) {
        header("Content-Type", contentType);
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** @return the first answer, when it comes */
    public CompletableFuture<Answer> answer() {
        return first;
    }

    /** @return every answer given, in order (a conforming handler gives one) */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String requestUri() {
        return "sip:" + target + "@example.com";
    }

    @Override
    public Optional<String> targetUser() {
        return Optional.ofNullable(target);
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(sender);
    }

    @Override
    public String from() {
        return "sip:" + (sender != null ? sender : "stranger") + "@" + (sender != null ? "example.com" : "elsewhere.example");
    }

    @Override
    public String to() {
        return requestUri();
    }

    @Override
    public String callId() {
        return "test-" + System.identityHashCode(this) + "@testkit";
    }

    @Override
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    @Override
    public List<String> headers(String name) {
        return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String source() {
        return "UDP:192.0.2.10:5060";
    }

    @Override
    public boolean respond(int status, String reason, Map<String, String> extra, String type, byte[] content) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("a handler answers with a final status (200-699), not " + status);
        }
        Answer a = new Answer(status, reason, Map.copyOf(extra), type, content == null ? null : content.clone());
        answers.add(a);
        return first.complete(a);
    }
}
