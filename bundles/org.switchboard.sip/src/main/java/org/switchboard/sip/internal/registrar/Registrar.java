package org.switchboard.sip.internal.registrar;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.location.Binding;
import org.switchboard.api.location.LocationStore;
import org.switchboard.sip.internal.core.Inbound;
import org.switchboard.sip.internal.core.Responses;
import org.switchboard.sip.internal.core.SipContext;
import org.switchboard.sip.internal.auth.Authenticator;

/**
 * The registrar (RFC 3261 section 10.3): authenticates a REGISTER, applies the
 * {@link RegistrarPolicy}, saves the bindings in the {@link LocationStore} and answers with
 * every current binding.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final SipContext sip;
    private final Responses responses;
    private final Authenticator auth;
    private final LocationStore location;
    private final RegistrarPolicy policy;
    private final Clock clock;

    public Registrar(SipContext sip, Responses responses, Authenticator auth, LocationStore location,
            RegistrarPolicy policy, Clock clock) {
        this.sip = sip;
        this.responses = responses;
        this.auth = auth;
        this.location = location;
        this.policy = policy;
        this.clock = clock;
    }

    public void register(Inbound in) throws ParseException, InvalidArgumentException {
        Request req = in.request();
        URI ruri = req.getRequestURI();
        URI toUri = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI();
        if (!(toUri instanceof SipURI to) || to.getUser() == null) {
            responses.reply(in.tx(), req, 400, "To Must Be a SIP Address of Record");
            return;
        }
        Authenticator.Outcome outcome = auth.authenticate(req, in.source().remoteAddress(), false);
        if (outcome instanceof Authenticator.Challenge c) {
            Response challenge = responses.create(401, req, null);
            auth.challenge(challenge, sip.headers(), false, c.stale(), req);
            responses.send(in.tx(), req, challenge);
            return;
        }
        if (!(outcome instanceof Authenticator.Authenticated a) || !a.user().equals(to.getUser())) {
            responses.reply(in.tx(), req, 403, "Forbidden");
            return;
        }
        if (!(ruri instanceof SipURI r) || !sip.domains().isLocal(r.getHost()) || !sip.domains().isLocal(to.getHost())) {
            responses.reply(in.tx(), req, 404, "Domain Not Served Here");
            return;
        }
        String aor = sip.domains().aor(to.getUser());
        Instant now = clock.instant();
        RegisterRequest parsed = parse(req, aor, in);
        List<Binding> current = location.lookup(aor);
        List<Binding> result = current;
        if (parsed.wildcard() || !parsed.contacts().isEmpty()) {
            RegistrarPolicy.Result decision = policy.apply(parsed, current, now);
            if (decision instanceof RegistrarPolicy.Rejected rej) {
                Response resp = responses.create(rej.status(), req, rej.reason());
                if (rej.status() == 423) {
                    MinExpiresHeader min = sip.headers().createMinExpiresHeader(rej.minExpires());
                    resp.addHeader(min);
                }
                responses.send(in.tx(), req, resp);
                return;
            }
            result = ((RegistrarPolicy.Accepted) decision).bindings();
            Response ok = ok(req, result, now);
            int count = result.size();
            // the 200 means "stored": it goes out once the change is durable (a group commit);
            // meanwhile a retransmission is absorbed, not handled again with a used nonce count
            responses.answers().pending(req);
            location.store(aor, result).whenComplete((done, failure) -> {
                if (failure == null) {
                    LOG.debug("{} now has {} binding(s)", aor, count);
                    responses.send(in.tx(), req, ok);
                } else {
                    LOG.error("Could not store the registration of {}: {}. Check the database (etc/org.switchboard.store.cfg)",
                            aor, failure.toString());
                    Response error = responses.create(500, req, "Registration Not Stored");
                    error.addHeader(retryAfter());
                    responses.send(in.tx(), req, error);
                }
            });
            return;
        }
        responses.send(in.tx(), req, ok(req, result, now));
    }

    private javax.sip.header.RetryAfterHeader retryAfter() {
        try {
            return sip.headers().createRetryAfterHeader(30);
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private RegisterRequest parse(Request req, String aor, Inbound in) {
        List<ContactRequest> contacts = new ArrayList<>();
        boolean wildcard = false;
        ListIterator<?> it = req.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.isWildCard()) {
                wildcard = true;
                continue;
            }
            int exp = c.getExpires();
            float q = c.getQValue();
            String instance = c.getParameter("+sip.instance");
            String regId = c.getParameter("reg-id");
            contacts.add(new ContactRequest(c.getAddress().getURI().toString(), exp >= 0 ? exp : null,
                    q >= 0 ? q : null, instance == null ? "" : instance, parseInt(regId)));
        }
        ExpiresHeader expires = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
        UserAgentHeader ua = (UserAgentHeader) req.getHeader(UserAgentHeader.NAME);
        List<String> path = new ArrayList<>();
        ListIterator<?> paths = req.getHeaders("Path");
        while (paths.hasNext()) {
            String h = paths.next().toString();
            path.add(h.substring(h.indexOf(':') + 1).trim());
        }
        return new RegisterRequest(aor, contacts, wildcard, expires == null ? null : expires.getExpires(),
                ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) req.getHeader(CSeqHeader.NAME)).getSeqNumber(), path, in.source(),
                ua == null ? "" : String.join(" ", toStrings(ua.getProduct())));
    }

    private Response ok(Request req, List<Binding> bindings, Instant now) throws ParseException, InvalidArgumentException {
        Response ok = responses.create(200, req, null);
        for (Binding b : bindings) {
            try {
                ContactHeader c = sip.headers().createContactHeader(sip.addresses().createAddress(b.contact()));
                c.setExpires((int) Math.max(1, b.expires().getEpochSecond() - now.getEpochSecond()));
                c.setQValue(b.q());
                if (!b.instanceId().isEmpty()) {
                    // RFC 5626 4.1: the instance is a quoted string ("<urn:uuid:...>")
                    ((gov.nist.javax.sip.header.ParametersHeader) c).setQuotedParameter("+sip.instance",
                            unquote(b.instanceId()));
                    if (b.regId() > 0) {
                        c.setParameter("reg-id", Integer.toString(b.regId()));
                    }
                }
                ok.addHeader(c);
            } catch (ParseException e) {
                LOG.debug("Cannot echo contact {}: {}", b.contact(), e.getMessage());
            }
        }
        ok.addHeader(sip.headers().createDateHeader(java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"))));
        ok.addHeader(sip.headers().createSupportedHeader("path"));
        ok.addHeader(sip.headers().createSupportedHeader("outbound"));
        ListIterator<?> paths = req.getHeaders("Path");
        while (paths.hasNext()) {
            ok.addHeader((Header) ((Header) paths.next()).clone());
        }
        return ok;
    }

    private static List<String> toStrings(ListIterator<?> it) {
        List<String> out = new ArrayList<>();
        while (it != null && it.hasNext()) {
            out.add(String.valueOf(it.next()));
        }
        return out;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
