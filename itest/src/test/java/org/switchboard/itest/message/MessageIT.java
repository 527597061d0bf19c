package org.switchboard.itest.message;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/** Pager-mode instant message (RFC 3428) from Alice to Bob through the proxy, Net::SIP on both ends. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessageIT extends SwitchboardTestSupport {

    @Test
    public void messageIsDeliveredToTheDeviceAndTheSenderGets200() {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        NetSipAgent bobPhone = startAgent(bob).awaitRegistered();
        NetSipAgent alicePhone = startAgent(alice).awaitRegistered();

        alicePhone.send("message " + bob.aor() + " hello from the integration test");

        String received = bobPhone.await("MESSAGE ");
        assertTrue("Bob's device got the body: " + received, received.endsWith(" hello from the integration test"));
        assertEquals("MESSAGE-RESULT 200", alicePhone.await("MESSAGE-RESULT"));
    }
}
