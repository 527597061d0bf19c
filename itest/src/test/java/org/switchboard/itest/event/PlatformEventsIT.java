package org.switchboard.itest.event;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.Topics;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The platform's events (org.switchboard.api.event) as a plugin sees them: an Event Admin
 * handler registered for {@code org/switchboard/*} gets the user, registration and call events
 * of real clients (Net::SIP), with the documented keys.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformEventsIT extends SwitchboardTestSupport {
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private ServiceRegistration<EventHandler> handler;

    @Before
    public void subscribe() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, new String[] {Topics.REGISTRATION_ANY, Topics.CALL_ANY, Topics.USER_ANY});
        handler = bundleContext.registerService(EventHandler.class, events::add, props);
    }

    @After
    public void unsubscribe() {
        handler.unregister();
    }

    private Event await(String topic, Predicate<Event> match) {
        Awaitility.await(topic).atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> find(topic, match) != null);
        return find(topic, match);
    }

    private Event find(String topic, Predicate<Event> match) {
        synchronized (events) {
            return events.stream().filter(e -> e.getTopic().equals(topic) && match.test(e)).findFirst().orElse(null);
        }
    }

    private static Predicate<Event> is(String key, Object value) {
        return e -> value.equals(e.getProperty(key));
    }

    @Test
    public void usersRegistrationsAndCallsArePostedWithTheirKeys() {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        await(Topics.USER_ADDED, is(EventKeys.USER, alice.name()));

        NetSipAgent bobPhone = startAgent(bob, "--auto-answer").awaitRegistered();
        NetSipAgent alicePhone = startAgent(alice).awaitRegistered();
        Event added = await(Topics.REGISTRATION_ADDED, is(EventKeys.USER, bob.name()));
        assertEquals("UDP", added.getProperty(EventKeys.TRANSPORT));
        assertTrue(added.getProperty(EventKeys.CONTACT).toString(), added.getProperty(EventKeys.CONTACT).toString()
                .contains(bobPhone.contactAddress()));
        assertTrue(String.valueOf(added.getProperty(EventKeys.AOR)), added.getProperty(EventKeys.AOR).toString()
                .startsWith("sip:" + bob.name() + "@"));
        assertTrue("expires in the future", (Long) added.getProperty(EventKeys.EXPIRES) > System.currentTimeMillis() / 1000);
        assertTrue(added.getProperty(EventKeys.TIMESTAMP) instanceof Long);

        alicePhone.send("register 600");
        await(Topics.REGISTRATION_REFRESHED, is(EventKeys.USER, alice.name()));

        alicePhone.send("call " + bob.aor());
        alicePhone.await("CALL-OK");
        Event started = await(Topics.CALL_STARTED, e -> String.valueOf(e.getProperty(EventKeys.TO)).contains(bob.name()));
        Object callId = started.getProperty(EventKeys.CALL_ID);
        assertTrue(String.valueOf(started.getProperty(EventKeys.FROM)), String.valueOf(started.getProperty(EventKeys.FROM))
                .contains(alice.name()));
        await(Topics.CALL_RINGING, is(EventKeys.CALL_ID, callId)); // the callee's 180
        await(Topics.CALL_ANSWERED, is(EventKeys.CALL_ID, callId));
        alicePhone.send("bye");
        assertEquals("BYE-RESULT 200", alicePhone.await("BYE-RESULT"));
        Event ended = await(Topics.CALL_ENDED, is(EventKeys.CALL_ID, callId));
        assertEquals("bye", ended.getProperty(EventKeys.REASON));

        bobPhone.send("register 0");
        Event removed = await(Topics.REGISTRATION_REMOVED, is(EventKeys.USER, bob.name()));
        assertEquals("unregistered", removed.getProperty(EventKeys.REASON));

        executeCommand("sip:user-remove " + alice.name());
        await(Topics.USER_REMOVED, is(EventKeys.USER, alice.name()));
        assertEquals("one STARTED per call, though the INVITE was sent twice (407)", 1,
                count(Topics.CALL_STARTED, is(EventKeys.CALL_ID, callId)));
    }

    @Test
    public void anUnansweredCallEndsWithItsStatus() {
        SipUser carol = createUser("carol");
        SipUser dave = createUser("dave");
        NetSipAgent davePhone = startAgent(dave).awaitRegistered();
        NetSipAgent carolPhone = startAgent(carol).awaitRegistered();
        carolPhone.send("call " + dave.aor());
        davePhone.await("INVITE");
        davePhone.send("reject 486");
        carolPhone.await("CALL-FAILED");
        Event ended = await(Topics.CALL_ENDED, e -> String.valueOf(e.getProperty(EventKeys.TO)).contains(dave.name()));
        assertEquals("unanswered", ended.getProperty(EventKeys.REASON));
        assertEquals(486, ended.getProperty(EventKeys.STATUS));
        assertEquals("no ANSWERED for a rejected call", 0, count(Topics.CALL_ANSWERED,
                is(EventKeys.CALL_ID, ended.getProperty(EventKeys.CALL_ID))));
    }

    private long count(String topic, Predicate<Event> match) {
        synchronized (events) {
            return events.stream().filter(e -> e.getTopic().equals(topic) && match.test(e)).count();
        }
    }
}
