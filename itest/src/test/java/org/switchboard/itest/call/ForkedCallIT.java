package org.switchboard.itest.call;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * Forked INVITE (the jain-sip TCK's "forkedinvite" flow) through the proxy: Bob has two devices,
 * Alice calls Bob with proxy digest authentication, both devices ring, one answers, the proxy
 * cancels the other, and ACK and BYE complete the call. All three are Net::SIP processes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ForkedCallIT extends SwitchboardTestSupport {

    @Test
    public void inviteForksToEveryDeviceAndCancelsTheLosers() {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        NetSipAgent bobDesk = startAgent(bob).awaitRegistered();
        NetSipAgent bobMobile = startAgent(bob).awaitRegistered();
        NetSipAgent aliceSoftphone = startAgent(alice).awaitRegistered();
        Awaitility.await("both devices of " + bob.name() + " are bound").atMost(SIP_TIMEOUT)
                .until(() -> bindings(bob).size() == 2);

        aliceSoftphone.send("call " + bob.aor());

        String deskInvite = bobDesk.await("INVITE ");
        String mobileInvite = bobMobile.await("INVITE ");
        assertEquals("both forks belong to one call", deskInvite, mobileInvite);
        String callId = deskInvite.substring("INVITE ".length());
        assertTrue("Alice hears ringing:\n" + aliceSoftphone.describe(),
                aliceSoftphone.await("CALL-PROGRESS 180") != null);

        bobDesk.send("answer");

        aliceSoftphone.await("CALL-OK");
        bobDesk.await("ACK " + callId);
        bobMobile.await("CANCEL " + callId);
        String calls = executeCommand("sip:calls");
        assertTrue("sip:calls shows the call " + callId + ":\n" + calls, calls.contains(callId));

        aliceSoftphone.send("bye");

        assertEquals("BYE-RESULT 200", aliceSoftphone.await("BYE-RESULT"));
        bobDesk.await("BYE " + callId);
        Awaitility.await("the call leaves sip:calls").atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> !executeCommand("sip:calls").contains(callId));
    }

    @Test
    public void callToAUserWithoutRegistrationGets480() {
        SipUser alice = createUser("alice");
        SipUser offline = createUser("offline");
        NetSipAgent aliceSoftphone = startAgent(alice).awaitRegistered();

        aliceSoftphone.send("call " + offline.aor());
        assertEquals("CALL-FAILED 480", aliceSoftphone.await("CALL-FAILED"));
    }

    @Test
    public void callToAnUnknownUserGets404() {
        SipUser alice = createUser("alice");
        NetSipAgent aliceSoftphone = startAgent(alice).awaitRegistered();

        aliceSoftphone.send("call sip:nosuchuser" + alice.name() + "@" + HOST);
        assertEquals("CALL-FAILED 404", aliceSoftphone.await("CALL-FAILED"));
    }
}
