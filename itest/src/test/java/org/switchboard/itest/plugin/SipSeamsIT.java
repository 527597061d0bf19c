package org.switchboard.itest.plugin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.sip.handler.SipRequest;
import org.switchboard.api.sip.handler.SipRequestHandler;
import org.switchboard.api.sip.send.Delivery;
import org.switchboard.api.sip.send.OutgoingRequest;
import org.switchboard.api.sip.send.SipSender;
import org.switchboard.api.sip.subscription.EventPackage;
import org.switchboard.api.sip.subscription.Notifier;
import org.switchboard.api.sip.subscription.Subscription;
import org.switchboard.itest.support.NetSipAgent;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The SIP seams as a plugin uses them, with Net::SIP phones on real sockets: a request handler
 * answers MESSAGE for local users after the core authenticated the sender; an event package
 * serves {@code message-summary} while the core keeps the subscription dialog (RFC 6665:
 * 200, first NOTIFY, NOTIFY on change, unsubscribe with a final NOTIFY); the sender delivers a
 * MESSAGE to every device of a user; and when the plugin's services go, the core relays again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SipSeamsIT extends SwitchboardTestSupport {
    private final List<ServiceRegistration<?>> registrations = new CopyOnWriteArrayList<>();

    @After
    public void unregister() {
        registrations.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // unregistered by the test
            }
        });
    }

    private <S> ServiceRegistration<S> register(Class<S> type, S service, String key, String value) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(key, value);
        ServiceRegistration<S> r = bundleContext.registerService(type, service, props);
        registrations.add(r);
        return r;
    }

    private <S> S service(Class<S> type) {
        Awaitility.await(type.getSimpleName()).atMost(SIP_TIMEOUT).until(() -> bundleContext.getServiceReference(type) != null);
        return bundleContext.getService(bundleContext.getServiceReference(type));
    }

    /** Waits for a line of the agent; a failure shows everything it printed. */
    private static String awaitEvent(NetSipAgent agent, String prefix) {
        try {
            return agent.await(prefix);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("no " + prefix + "from " + agent.describe()); // Pax Exam reports the cause alone
        }
    }

    private static void awaitOutput(NetSipAgent agent, String text) {
        try {
            Awaitility.await(text).atMost(SIP_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> agent.describe().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError("no " + text + " from " + agent.describe());
        }
    }

    @Test
    public void aHandlerAnswersMessageForLocalUsersWithTheSenderAuthenticatedAndTheCoreRelaysAgainWhenItGoes() {
        SipUser alice = createUser("alice");
        SipUser bob = createUser("bob");
        NetSipAgent bobPhone = startAgent(bob).awaitRegistered();
        NetSipAgent alicePhone = startAgent(alice).awaitRegistered();
        List<SipRequest> seen = new CopyOnWriteArrayList<>();
        ServiceRegistration<SipRequestHandler> handler = register(SipRequestHandler.class, r -> {
            seen.add(r);
            r.respond(202, "Stored", Map.of("X-Stored-For", r.targetUser().orElseThrow()), null, null);
        }, SipRequestHandler.METHOD, "MESSAGE");

        alicePhone.send("message " + bob.aor() + " kept for bob");
        assertEquals("MESSAGE-RESULT 202", alicePhone.await("MESSAGE-RESULT"));
        SipRequest r = seen.get(0);
        assertEquals(alice.name(), r.authenticatedUser().orElseThrow());
        assertEquals(bob.name(), r.targetUser().orElseThrow());
        assertEquals("kept for bob", new String(r.body(), UTF_8));
        assertEquals("text/plain", r.contentType().orElseThrow());
        assertTrue(r.source(), r.source().startsWith("UDP:127.0.0.1:"));
        assertFalse("the handler took it: the device got nothing", bobPhone.saw("MESSAGE "));

        handler.unregister();
        alicePhone.send("message " + bob.aor() + " relayed again");
        assertTrue(bobPhone.await("MESSAGE ").endsWith(" relayed again"));
        assertEquals(1, seen.size());
    }

    @Test
    public void anEventPackageGetsItsSubscriptionsKeptByTheCore() {
        SipUser carol = createUser("carol");
        NetSipAgent phone = startAgent(carol).awaitRegistered();
        AtomicInteger waiting = new AtomicInteger();
        register(EventPackage.class, new EventPackage() {
            @Override
            public String contentType() {
                return "application/simple-message-summary";
            }

            @Override
            public byte[] state(Subscription s) {
                int n = waiting.get();
                return ("Messages-Waiting: " + (n > 0 ? "yes" : "no") + "\r\nVoice-Message: " + n + "/0\r\n").getBytes(UTF_8);
            }
        }, EventPackage.EVENT, "message-summary");
        Notifier notifier = service(Notifier.class);

        phone.send("subscribe " + carol.aor() + " message-summary 600");
        assertEquals("SUBSCRIBE-RESULT 200 600", phone.await("SUBSCRIBE-RESULT"));
        String first = awaitEvent(phone, "NOTIFY ");
        assertTrue(first, first.startsWith("NOTIFY message-summary active;expires=") && first.contains("Voice-Message: 0/0"));
        List<Subscription> subs = notifier.subscriptions("message-summary", carol.name());
        assertEquals(1, subs.size());
        assertEquals(carol.name(), subs.get(0).subscriber().orElseThrow());

        waiting.set(2);
        assertEquals(1, notifier.changed("message-summary", carol.name()));
        awaitOutput(phone, "Messages-Waiting: yes\\r\\nVoice-Message: 2/0");

        phone.send("unsubscribe");
        awaitOutput(phone, "NOTIFY message-summary terminated;reason=timeout");
        awaitOutput(phone, "SUBSCRIBE-RESULT 200 0");
        assertEquals(List.of(), notifier.subscriptions("message-summary", carol.name()));
    }

    @Test
    public void aSubscriptionToSomeoneElseIsRefusedByDefault() {
        SipUser dave = createUser("dave");
        SipUser erin = createUser("erin");
        NetSipAgent phone = startAgent(dave).awaitRegistered();
        register(EventPackage.class, new EventPackage() {
            @Override
            public String contentType() {
                return "application/simple-message-summary";
            }

            @Override
            public byte[] state(Subscription s) {
                return new byte[0];
            }
        }, EventPackage.EVENT, "message-summary");

        phone.send("subscribe " + erin.aor() + " message-summary 600");
        assertTrue(phone.await("SUBSCRIBE-RESULT").startsWith("SUBSCRIBE-RESULT 403"));
    }

    /** @return a bundle with only a manifest, importing one package */
    private static byte[] importing(String name, String importPackage) throws java.io.IOException {
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", name);
        mf.getMainAttributes().putValue("Import-Package", importPackage);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new java.util.jar.JarOutputStream(out, mf).close();
        return out.toByteArray();
    }

    @Test
    public void noPluginCanWireToTheSipStacksInternals() throws Exception {
        org.osgi.framework.Bundle rogue = bundleContext.installBundle("rogue-plugin",
                new java.io.ByteArrayInputStream(importing("rogue.plugin", "gov.nist.javax.sip.stack")));
        org.osgi.framework.Bundle fine = bundleContext.installBundle("api-plugin",
                new java.io.ByteArrayInputStream(importing("api.plugin", "org.switchboard.api.sip.handler, javax.sip")));
        try {
            org.junit.Assert.assertThrows(org.osgi.framework.BundleException.class, rogue::start);
            fine.start();
            assertEquals(org.osgi.framework.Bundle.ACTIVE, fine.getState());
        } finally {
            rogue.uninstall();
            fine.uninstall();
        }
    }

    @Test
    public void theSenderReachesEveryDeviceOfAUser() throws Exception {
        SipUser frank = createUser("frank");
        NetSipAgent desk = startAgent(frank).awaitRegistered();
        NetSipAgent mobile = startAgent(frank).awaitRegistered();

        List<Delivery> outcome = service(SipSender.class).send(new OutgoingRequest("MESSAGE", frank.name(),
                "sip:voicemail@" + HOST, "text/plain", "you have a message".getBytes(UTF_8), Map.of()))
                .toCompletableFuture().get(SIP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(2, outcome.size());
        assertTrue(outcome.toString(), outcome.stream().allMatch(Delivery::delivered));
        assertTrue(desk.await("MESSAGE ").endsWith(" you have a message"));
        assertTrue(mobile.await("MESSAGE ").endsWith(" you have a message"));
    }
}
