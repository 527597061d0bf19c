package org.switchboard.itest.register;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.switchboard.api.location.Binding;
import org.switchboard.itest.support.ExternalProcess.Result;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.Sipsak;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * Registration with digest authentication, driven by sipsak (an independent SIP tool): the
 * binding lands in the LocationStore, bad credentials are refused without telling whether the
 * user exists, Expires: 0 removes it, and bindings survive a restart of the sip and store bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegisterIT extends SwitchboardTestSupport {

    private Result sipsakRegister(String user, String password, String contact, int expires) {
        return Sipsak.register(HOST, sipPort(), user, password, contact, expires);
    }

    private static String contactFor(String user) {
        // nobody listens there: the registrar only stores it
        return "sip:" + user + "@127.0.0.1:" + (20000 + Math.abs(user.hashCode() % 20000));
    }

    private void assertRegistered(SipUser user, String contact) {
        try {
            Awaitility.await(user.name() + " has a binding for " + contact).atMost(SIP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> bindings(user).stream().anyMatch(b -> b.contact().contains(contact.substring(4))));
        } catch (RuntimeException e) { // ConditionTimeoutException: add what the program printed
            throw new AssertionError("LocationStore.lookup(\"" + user.aor() + "\") has no binding for " + contact
                    + "; the store holds " + allBindings() + "\nsip:registrations " + user.name() + ":\n"
                    + executeCommand("sip:registrations " + user.name()), e);
        }
        String listed = executeCommand("sip:registrations " + user.name());
        assertTrue("sip:registrations " + user.name() + " lists " + contact + ":\n" + listed,
                listed.contains(contact.substring(4)));
    }

    @Test
    public void registersWithDigestAndShowsTheBinding() {
        SipUser alice = createUser("alice");
        String contact = contactFor(alice.name());

        Result result = sipsakRegister(alice.name(), alice.password(), contact, 300);

        assertEquals("sipsak got a 200 for its REGISTER:\n" + result, 0, result.exitCode());
        assertTrue("the registrar challenged first (401):\n" + result, result.output().contains("SIP/2.0 401"));
        assertRegistered(alice, contact);
        Binding binding = bindings(alice).get(0);
        assertEquals("UDP", binding.flow().transport());
    }

    @Test
    public void wrongPasswordAndUnknownUserGetTheSameRefusal() {
        SipUser carol = createUser("carol");

        Result wrongPassword = sipsakRegister(carol.name(), carol.password() + "x", contactFor(carol.name()), 300);
        Result unknownUser = sipsakRegister("nobody" + carol.name(), "whatever", contactFor("nobody"), 300);

        assertNotEquals("a wrong password is refused:\n" + wrongPassword, 0, wrongPassword.exitCode());
        Optional<String> wrongStatus = lastStatusLine(wrongPassword.output());
        Optional<String> unknownStatus = lastStatusLine(unknownUser.output());
        assertTrue("a final answer to the wrong password:\n" + wrongPassword, wrongStatus.isPresent());
        assertTrue("401 or 403 for a wrong password, got " + wrongStatus.get(),
                wrongStatus.get().startsWith("SIP/2.0 401") || wrongStatus.get().startsWith("SIP/2.0 403"));
        assertEquals("an unknown user gets exactly the answer of a wrong password", wrongStatus, unknownStatus);
        assertTrue("no binding after a failed registration", bindings(carol).isEmpty());
    }

    @Test
    public void expiresZeroRemovesTheBinding() {
        SipUser dave = createUser("dave");
        String contact = contactFor(dave.name());
        assertEquals(0, sipsakRegister(dave.name(), dave.password(), contact, 300).exitCode());
        assertRegistered(dave, contact);

        Result unregister = sipsakRegister(dave.name(), dave.password(), contact, 0);

        assertEquals("sipsak got a 200 for Expires: 0:\n" + unregister, 0, unregister.exitCode());
        Awaitility.await("the binding of " + dave.name() + " is gone").atMost(SIP_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> bindings(dave).isEmpty());
        assertTrue(executeCommand("sip:registrations " + dave.name()).lines()
                .noneMatch(l -> l.contains(contact.substring(4))));
    }

    @Test
    public void bindingSurvivesARestartOfTheSipBundle() throws Exception {
        assertSurvivesRestartOf("org.switchboard.sip");
    }

    @Test
    public void bindingSurvivesARestartOfTheStoreBundle() throws Exception {
        assertSurvivesRestartOf("org.switchboard.store");
    }

    private void assertSurvivesRestartOf(String symbolicName) throws Exception {
        SipUser erin = createUser("erin");
        String contact = contactFor(erin.name());
        assertEquals(0, sipsakRegister(erin.name(), erin.password(), contact, 600).exitCode());
        assertRegistered(erin, contact);

        Bundle bundle = bundle(symbolicName);
        bundle.stop();
        assertEquals(Bundle.RESOLVED, bundle.getState());
        bundle.start();

        awaitPlatformReady();
        assertRegistered(erin, contact);
        List<Binding> after = bindings(erin);
        assertEquals("one binding after restarting " + symbolicName + ": " + after, 1, after.size());
    }
}
