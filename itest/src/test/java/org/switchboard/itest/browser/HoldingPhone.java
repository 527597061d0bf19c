package org.switchboard.itest.browser;

import java.time.Duration;
import org.switchboard.itest.support.SilentPhone;
import org.switchboard.itest.support.SipMessage;

/**
 * The SIP phone at the far end of a call the platform anchors for a browser (MediaAppsBrowserIT):
 * a {@link SilentPhone}, which sends silence as 20 ms PCMU RTP (so that the browser hears nothing
 * from it) and counts the packets it receives. It answers by itself and can put the answered
 * call on hold with a re-INVITE ({@code a=sendonly}), after which the platform plays music to
 * the browser (music on hold); or it places the call ({@link #invite}) that an application
 * connects to a browser.
 */
final class HoldingPhone extends SilentPhone {

    HoldingPhone(int serverPort, String user) {
        super(serverPort, user, "holding-phone");
    }

    /** Registers the phone's contact for its user. */
    void register(String password) {
        register(user, password);
    }

    /** Waits for the INVITE this phone answers by itself. */
    SipMessage awaitInvite(Duration within) {
        return awaitRequest("INVITE", within);
    }

    /** Puts the answered call on hold (re-INVITE with {@code a=sendonly}); keeps sending silence. */
    void hold() {
        holdAnswered();
    }
}
