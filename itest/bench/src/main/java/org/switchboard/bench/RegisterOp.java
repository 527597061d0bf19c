package org.switchboard.bench;

import java.util.function.Consumer;

/**
 * One REGISTER as a phone does it: reuses the user's cached nonce with the next nc; on a 401
 * (stale or not) takes the new challenge and sends once more. Latency: first request to the 200.
 */
final class RegisterOp extends Op {
    private final User user;
    private final Consumer<User> release;
    private final String fromTag = Sip.random();
    private int lastCseq;
    private boolean freshChallenge; // credentials already computed from a challenge of this op
    private boolean challenged;
    private int staleRetries;
    private final int expires;
    private final boolean wildcard;

    /** {@code wildcard}: sends {@code Contact: *} (remove every binding of the user, expires must be 0). */
    RegisterOp(Runner runner, User user, Consumer<User> release, int expires, boolean wildcard) {
        super(runner, runner.endpoint(user.index), user.registerCallId);
        this.user = user;
        this.release = release;
        this.expires = expires;
        this.wildcard = wildcard;
    }

    @Override
    void start() {
        send();
    }

    private void send() {
        Options o = runner.opt;
        String aor = "sip:" + user.name + "@" + o.domain;
        String ruri = "sip:" + o.domain;
        StringBuilder sb = new StringBuilder(768).append("REGISTER ").append(ruri).append(" SIP/2.0\r\n");
        Sip.via(sb, ep, Sip.branch()).append("Max-Forwards: 70\r\nFrom: <").append(aor).append(">;tag=")
                .append(fromTag).append("\r\nTo: <").append(aor).append(">\r\nCall-ID: ").append(callId)
                .append("\r\nCSeq: ").append(user.cseq).append(" REGISTER\r\n");
        if (wildcard) {
            sb.append("Contact: *\r\n");
        } else {
            sb.append("Contact: <sip:").append(user.name).append('@').append(ep.hostPort).append(">\r\n");
        }
        sb.append("Expires: ").append(expires).append("\r\n");
        Digest.Challenge c = user.challenge;
        if (c != null) {
            user.nc++;
            sb.append(c.proxy() ? "Proxy-Authorization: " : "Authorization: ")
                    .append(Digest.credentials(user.name, o.password, c, "REGISTER", ruri, user.nc, user.cnonce))
                    .append("\r\n");
        }
        sb.append("User-Agent: switchboard-bench\r\n");
        lastCseq = user.cseq++;
        sendRequest(Sip.end(sb, null).toString(), runner.server);
    }

    @Override
    void onResponse(SipMessage m) {
        if (m.cseqNumber() != lastCseq || !"REGISTER".equals(m.cseqMethod())) {
            stats.stray.increment();
            return;
        }
        if (m.status < 200) {
            return;
        }
        if (m.status >= 200 && m.status < 300) {
            if (measured) {
                stats.latency("register").record(elapsed());
                stats.latency(challenged ? "register (challenged)" : "register (cached nonce)").record(elapsed());
            }
            succeed();
        } else if (m.status == 401 || m.status == 407) {
            Digest.Challenge c = Digest.pick(m);
            stats.challenges.increment();
            if (c == null) {
                fail("401 without usable digest challenge");
            } else if (freshChallenge && (!c.stale() || ++staleRetries > 2)) {
                user.challenge = null;
                fail("401 to fresh credentials (wrong password?)");
            } else {
                user.newChallenge(c);
                freshChallenge = true;
                challenged = true;
                send();
            }
        } else {
            fail("REGISTER " + m.status);
        }
    }

    @Override
    void released() {
        release.accept(user);
    }
}
