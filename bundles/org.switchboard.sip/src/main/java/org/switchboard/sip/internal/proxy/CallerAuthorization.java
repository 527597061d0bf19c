package org.switchboard.sip.internal.proxy;

import java.text.ParseException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.auth.Authenticator;

/**
 * Who may start something through the proxy: a local user after digest authentication (407,
 * and 403 when the credentials belong to another user); anyone else only towards a local
 * target, never along a preloaded route (403 "Relaying Denied": no open relay), and only as the
 * {@link InboundPolicy} allows.
 */
final class CallerAuthorization {
    private final SipContext sip;
    private final Responses responses;
    private final Authenticator auth;
    private final InboundPolicy inbound;

    CallerAuthorization(SipContext sip, Responses responses, Authenticator auth, InboundPolicy inbound) {
        this.sip = sip;
        this.responses = responses;
        this.auth = auth;
        this.inbound = inbound;
    }

    /** @return whether the request claims a local caller (who must then authenticate) */
    boolean fromLocal(Request req) {
        return ProxiedRequest.from(req) instanceof SipURI f && sip.domains().isLocal(f.getHost());
    }

    /** @return true to go on; otherwise the request has been answered */
    boolean authorized(Inbound in, Request work, boolean preloadedRoute) throws ParseException {
        Request req = in.request();
        URI from = ProxiedRequest.from(req);
        boolean fromLocal = from instanceof SipURI f && sip.domains().isLocal(f.getHost());
        if (!fromLocal) {
            boolean toLocal = sip.addressesUs(work.getRequestURI());
            if (!toLocal || preloadedRoute) {
                responses.reply(in.tx(), req, 403, "Relaying Denied");
                return false;
            }
            if (!inbound.admits(in.source().remoteAddress())) {
                responses.reply(in.tx(), req, 403, "Not Accepted From Other Domains");
                return false;
            }
            return true;
        }
        Authenticator.Outcome outcome = auth.authenticate(req, in.source().remoteAddress(), true);
        if (outcome instanceof Authenticator.Challenge c) {
            Response challenge = responses.create(407, req, null);
            auth.challenge(challenge, sip.headers(), true, c.stale(), req);
            responses.send(in.tx(), req, challenge);
            return false;
        }
        if (!(outcome instanceof Authenticator.Authenticated a) || !a.user().equals(((SipURI) from).getUser())) {
            responses.reply(in.tx(), req, 403, "Forbidden");
            return false;
        }
        return true;
    }
}
