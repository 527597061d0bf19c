package org.switchboard.sip.internal.core;


import java.text.ParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends the platform's own responses. */
public final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    /** Starts the To tag of every final response the platform makes itself, so that ACKs for them are recognised. */
    public static final String LOCAL_TAG_PREFIX = "sb";
    private final SipContext sip;
    private final StatelessAnswers answers;

    public Responses(SipContext sip) {
        this(sip, new StatelessAnswers(0, 0, System::currentTimeMillis));
    }

    public Responses(SipContext sip, StatelessAnswers answers) {
        this.sip = sip;
        this.answers = answers;
    }

    /** @return the responses sent statelessly, for retransmissions */
    public StatelessAnswers answers() {
        return answers;
    }

    /** Creates a response; final ones get a To tag when the request had none, as RFC 3261 8.2.6.2 asks. */
    public Response create(int status, Request request, String reason) {
        try {
            Response r = sip.messages().createResponse(status, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (status >= 200 && to != null && to.getTag() == null && status != 100) {
                to.setTag(LOCAL_TAG_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    /** Sends a response in the transaction if there is one, statelessly otherwise; never throws. */
    public void send(ServerTransaction tx, Request request, Response response) {
        try {
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                // remembered first: a retransmission sent as soon as the response arrives finds it
                answers.remember(request, response);
                sip.provider().sendResponse(response);
            }
        } catch (SipException | RuntimeException e) {
            LOG.debug("Could not send {} to {} {}: {}", response.getStatusCode(), request.getMethod(),
                    request.getRequestURI(), e.toString());
        } catch (javax.sip.InvalidArgumentException e) {
            LOG.debug("Invalid response {}: {}", response.getStatusCode(), e.toString());
        }
    }

    public void reply(ServerTransaction tx, Request request, int status, String reason) {
        send(tx, request, create(status, request, reason));
    }
}
