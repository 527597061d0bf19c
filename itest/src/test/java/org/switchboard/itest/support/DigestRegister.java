package org.switchboard.itest.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A phone's REGISTER with digest over a {@link UdpProbe}: the 401, then the credentials. */
public final class DigestRegister {
    private DigestRegister() {
    }

    /**
     * @param phone the probe to send from
     * @param host the server's host (the registrar's URI and the user's domain)
     * @param user the user name
     * @param password the password
     * @param algorithm the challenge to answer, "MD5" or "SHA-256"
     * @param within how long to wait for each answer
     * @return the final status of the REGISTER with credentials; 401 or another status when the
     *     first one was not a challenge; 0 when no answer came in time
     */
    public static int register(UdpProbe phone, String host, String user, String password, String algorithm, Duration within) {
        String aor = "sip:" + user + "@" + host;
        String callId = UUID.randomUUID() + "@digest";
        phone.send(request(phone, host, aor, callId, 1, ""));
        SipMessage challenge = last(phone.receiveUntilFinal(within));
        if (challenge == null || challenge.status() != 401) {
            return challenge == null ? 0 : challenge.status();
        }
        String creds = Digest.authorization(Digest.choose(challenge.headers("www-authenticate"), algorithm), user, password,
                "REGISTER", "sip:" + host);
        phone.send(request(phone, host, aor, callId, 2, "Authorization: " + creds + "\r\n"));
        SipMessage answer = last(phone.receiveUntilFinal(within));
        return answer == null ? 0 : answer.status();
    }

    private static SipMessage last(List<SipMessage> got) {
        return got.isEmpty() ? null : got.get(got.size() - 1);
    }

    private static String request(UdpProbe phone, String host, String aor, String callId, int cseq, String extra) {
        return "REGISTER sip:" + host + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <" + aor + ">;tag=" + callId.substring(0, 8) + "\r\nTo: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:probe@127.0.0.1:" + phone.port() + ">\r\nExpires: 60\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
    }
}
