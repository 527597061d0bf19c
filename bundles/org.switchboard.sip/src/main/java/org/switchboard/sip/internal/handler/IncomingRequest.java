package org.switchboard.sip.internal.handler;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.api.sip.handler.SipRequest;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;

/** A request handed to a plugin's handler; its first final answer is sent, later ones are refused. */
final class IncomingRequest implements SipRequest {
    private final Inbound in;
    private final String target;
    private final String sender;
    private final SipContext sip;
    private final Responses responses;
    private final AtomicBoolean answered = new AtomicBoolean();

    IncomingRequest(Inbound in, String target, String sender, SipContext sip, Responses responses) {
        this.in = in;
        this.target = target;
        this.sender = sender;
        this.sip = sip;
        this.responses = responses;
    }

    boolean answered() {
        return answered.get();
    }

    Request raw() {
        return in.request();
    }

    private Request req() {
        return in.request();
    }

    @Override
    public String method() {
        return req().getMethod();
    }

    @Override
    public String requestUri() {
        return req().getRequestURI().toString();
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
        return ((FromHeader) req().getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    @Override
    public String to() {
        return ((ToHeader) req().getHeader(ToHeader.NAME)).getAddress().getURI().toString();
    }

    @Override
    public String callId() {
        return ((CallIdHeader) req().getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    @Override
    public List<String> headers(String name) {
        return Headers.values(req(), name);
    }

    @Override
    public Optional<String> contentType() {
        return header(ContentTypeHeader.NAME);
    }

    @Override
    public byte[] body() {
        byte[] b = req().getRawContent();
        return b == null ? new byte[0] : b.clone();
    }

    @Override
    public String source() {
        return in.source().transport() + ":" + in.source().remoteAddress() + ":" + in.source().remotePort();
    }

    @Override
    public boolean respond(int status, String reason, Map<String, String> headers, String contentType, byte[] body) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("a handler answers with a final status (200-699), not " + status);
        }
        Response r = responses.create(status, req(), reason);
        try {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                r.addHeader(sip.headers().createHeader(Headers.fullName(h.getKey()), h.getValue()));
            }
            if (contentType != null && body != null) {
                r.setContent(body, (ContentTypeHeader) sip.headers().createHeader(ContentTypeHeader.NAME, contentType));
            }
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("malformed header in the answer: " + e.getMessage(), e);
        }
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        responses.send(in.tx(), req(), r);
        return true;
    }
}
