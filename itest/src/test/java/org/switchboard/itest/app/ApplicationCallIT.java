package org.switchboard.itest.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.app.ApplicationCall;
import org.switchboard.api.app.CallApplication;
import org.switchboard.itest.support.Baresip;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * Call applications hosted by the SIP bundle, with test applications registered from here
 * (the real ones live in their own features): a phone on raw UDP sockets with real RTP calls
 * numbers that the dial plan maps to them. Answer with SDP and media back, BYE, CANCEL before
 * the answer (487), an unknown application (404), connect() bridging to a registered user
 * with RTP through the platform both ways, the RTP timeout, and an application removed while
 * its call runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApplicationCallIT extends SwitchboardTestSupport {

    private static final String RULES = "7771 = application:itest-echo, 7772 = application:itest-slow, "
            + "7773 = application:itest-connect, 7774 = application:itest-missing, 7775 = application:itest-removable, "
            + "7776 = application:itest-dtmf";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte CALLER_TONE = 0x10;
    private static final byte CALLEE_TONE = 0x60;

    /** Who itest-connect connects to, and what connect() returned. */
    private static final AtomicReference<String> CONNECT_TO = new AtomicReference<>();
    private static final AtomicReference<CompletableFuture<Integer>> CONNECTED = new AtomicReference<>();
    private static final java.util.concurrent.BlockingQueue<Character> DIGITS = new java.util.concurrent.LinkedBlockingQueue<>();
    private static final AtomicReference<ApplicationCall> LAST = new AtomicReference<>();

    private final java.util.List<ServiceRegistration<?>> registrations = new java.util.ArrayList<>();
    private final java.util.List<AppPhone> phones = new java.util.ArrayList<>();

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.switchboard.dialplan.cfg", "rules", RULES),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "public.address", "127.0.0.1"),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "rtp.timeout.seconds", "3"));
    }

    @Before
    public void registerApplications() {
        register("itest-echo", call -> {
            LAST.set(call);
            call.leg().echo();
        }, 0);
        register("itest-slow", call -> call.leg().echo(), 5000);
        register("itest-connect", call -> {
            CompletableFuture<Integer> outcome = CONNECTED.get();
            call.connect(CONNECT_TO.get(), Duration.ofSeconds(10))
                    .whenComplete((status, e) -> outcome.complete(e == null ? status : -1));
        }, 0);
        register("itest-dtmf", call -> {
            call.leg().onDtmf(e -> DIGITS.add(e.digit()));
            call.leg().echo();
        }, 0);
    }

    private ServiceRegistration<CallApplication> register(String name, CallApplication app, long answerDelayMs) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(CallApplication.NAME, name);
        if (answerDelayMs > 0) {
            props.put("switchboard.application.answer.delay.ms", answerDelayMs);
        }
        ServiceRegistration<CallApplication> r = bundleContext.registerService(CallApplication.class, app, props);
        registrations.add(r);
        return r;
    }

    @After
    public void cleanUp() {
        phones.forEach(AppPhone::close);
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // unregistered by the test
            }
        }
    }

    private AppPhone phone(String user, byte tone, byte expect) {
        AppPhone p = new AppPhone(sipPort(), user, tone, expect);
        phones.add(p);
        return p;
    }

    @Test
    public void anApplicationAnswersWithMediaAndByeEndsTheCall() {
        AppPhone phone = phone("caller", CALLER_TONE, CALLER_TONE);
        phone.invite("7771");
        SipMessage ok = phone.awaitFinal(WAIT);
        assertEquals(200, ok.status());
        assertTrue("the 200 carries an SDP answer:\n" + ok.body(), ok.body().contains("m=audio ") && ok.body().contains("PCMU"));
        assertTrue("a Contact to reach the platform", ok.header("contact").isPresent());
        Awaitility.await("the caller hears itself (echo)").atMost(WAIT).until(() -> phone.receivedTone() >= 25);
        String calls = executeCommand("sip:app-calls");
        assertTrue("sip:app-calls lists the call:\n" + calls, calls.contains("itest-echo") && calls.contains("caller"));
        ApplicationCall call = LAST.get();

        assertEquals(200, phone.bye());

        Awaitility.await("the application sees the end").atMost(WAIT)
                .until(() -> call.ended().toCompletableFuture().isDone());
        Awaitility.await("the call leaves sip:app-calls").atMost(WAIT)
                .until(() -> !executeCommand("sip:app-calls").contains("itest-echo"));
    }

    /**
     * RFC 3550: the leg of an echo call reports on the phone's stream to the phone's RTCP port
     * (a=rtcp): an SR (it sends the echo) with a report block whose SSRC is the phone's.
     */
    @Test
    public void theEchoReportsOnThePhonesStreamWithRtcp() {
        AppPhone phone = phone("reported", CALLER_TONE, CALLER_TONE);
        phone.invite("7771");
        assertEquals(200, phone.awaitFinal(WAIT).status());
        long phoneSsrc = 0x12000000L | CALLER_TONE;
        Awaitility.await("an RTCP report block about the phone's SSRC").atMost(WAIT)
                .until(() -> phone.rtcpReports().stream().anyMatch(r -> reportsOn(r, phoneSsrc)));
        byte[] first = phone.rtcpReports().stream().filter(r -> reportsOn(r, phoneSsrc)).findFirst().orElseThrow();
        assertEquals("a sender report (the echo sends RTP)", 200, first[1] & 0xFF);
        assertTrue("a compound packet with SDES after the report", sdesFollows(first));
        String calls = executeCommand("sip:app-calls");
        assertTrue("sip:app-calls shows the media:\n" + calls, calls.contains("PCMU rx "));
        assertEquals(200, phone.bye());
    }

    /** @return whether the compound packet starts with an SR or RR holding a block about {@code ssrc} */
    private static boolean reportsOn(byte[] r, long ssrc) {
        int type = r[1] & 0xFF;
        int blocks = r[0] & 0x1F;
        int first = type == 200 ? 28 : type == 201 ? 8 : -1;
        for (int i = 0; first >= 0 && i < blocks && first + 24 * i + 4 <= r.length; i++) {
            int p = first + 24 * i;
            long s = ((r[p] & 0xFFL) << 24) | ((r[p + 1] & 0xFF) << 16) | ((r[p + 2] & 0xFF) << 8) | (r[p + 3] & 0xFF);
            if (s == ssrc) {
                return true;
            }
        }
        return false;
    }

    private static boolean sdesFollows(byte[] r) {
        int next = 4 * (((r[2] & 0xFF) << 8 | (r[3] & 0xFF)) + 1);
        return next + 1 < r.length && (r[next + 1] & 0xFF) == 202;
    }

    @Test
    public void baresipCallsAnApplicationAndGetsMediaBack() throws Exception {
        SipUser alice = createUser("alice");
        Path wav = Baresip.tone(Files.createTempFile("tone", ".wav"), 440, Duration.ofSeconds(2), 8000);
        ExternalProcess caller = startProcess("baresip-" + alice.name(), "baresip", "-f",
                Baresip.config(alice, HOST, sipPort(), wav, true).toString(), "-t", "30",
                "-e", "/dial sip:7771@" + HOST + ":" + sipPort());
        caller.awaitLine(WAIT, l -> l.contains("Call established"));
        caller.awaitLine(WAIT, l -> l.contains("incoming rtp for 'audio' established"));
        String calls = executeCommand("sip:app-calls");
        assertTrue("sip:app-calls lists the call of " + alice.name() + ":\n" + calls, calls.contains(alice.name()));
    }

    @Test
    public void cancelBeforeTheAnswerGets487() {
        AppPhone phone = phone("canceller", CALLER_TONE, CALLER_TONE);
        phone.invite("7772");
        assertEquals(180, phone.awaitResponse("INVITE", WAIT).status());
        phone.cancel();
        assertEquals(200, phone.awaitResponse("CANCEL", WAIT).status());
        assertEquals(487, phone.awaitFinal(WAIT).status());
    }

    @Test
    public void anApplicationThatIsNotInstalledGets404() {
        AppPhone phone = phone("lost", CALLER_TONE, CALLER_TONE);
        phone.invite("7774");
        assertEquals(404, phone.awaitFinal(WAIT).status());
    }

    @Test
    public void connectBridgesTheCallerToARegisteredUserWithMediaBothWays() {
        SipUser bob = createUser("bob");
        AppPhone callee = phone(bob.name(), CALLEE_TONE, CALLER_TONE);
        callee.register(bob.name(), bob.password());
        CONNECT_TO.set(bob.name());
        CONNECTED.set(new CompletableFuture<>());
        AppPhone caller = phone("connector", CALLER_TONE, CALLEE_TONE);

        caller.invite("7773");
        assertEquals(200, caller.awaitFinal(WAIT).status());
        SipMessage invite = callee.awaitRequest("INVITE", WAIT);
        assertTrue("the platform offers plain RTP:\n" + invite.body(), invite.body().contains("RTP/AVP"));
        callee.awaitRequest("ACK", WAIT);
        assertEquals(Integer.valueOf(200), CONNECTED.get().join());

        Awaitility.await("the caller hears the callee").atMost(WAIT).until(() -> caller.receivedTone() >= 25);
        Awaitility.await("the callee hears the caller").atMost(WAIT).until(() -> callee.receivedTone() >= 25);
        String calls = executeCommand("sip:app-calls");
        assertTrue("sip:app-calls shows the bridge:\n" + calls, calls.contains(bob.name()));

        assertEquals(200, caller.bye());
        callee.awaitRequest("BYE", WAIT);
    }

    @Test
    public void holdingABridgedCallPlaysMusicOnHoldToTheOtherSide() {
        SipUser dave = createUser("dave");
        AppPhone callee = phone(dave.name(), CALLEE_TONE, CALLER_TONE);
        callee.register(dave.name(), dave.password());
        CONNECT_TO.set(dave.name());
        CONNECTED.set(new CompletableFuture<>());
        AppPhone caller = phone("holder", CALLER_TONE, CALLEE_TONE);
        caller.invite("7773");
        assertEquals(200, caller.awaitFinal(WAIT).status());
        assertEquals(Integer.valueOf(200), CONNECTED.get().join());
        Awaitility.await("the callee hears the caller").atMost(WAIT).until(() -> callee.receivedTone() >= 25);

        assertEquals(200, caller.reinvite("sendonly"));

        int other = callee.receivedOther();
        Awaitility.await("the callee hears music on hold instead of the caller").atMost(WAIT)
                .until(() -> callee.receivedOther() >= other + 25);
        int tonesWhileHeld = callee.receivedTone();
        Awaitility.await("music on hold goes on").atMost(WAIT).until(() -> callee.receivedOther() >= other + 75);
        assertTrue("the caller's audio does not reach the callee while on hold",
                callee.receivedTone() - tonesWhileHeld < 10);

        assertEquals(200, caller.reinvite("sendrecv"));

        int heard = callee.receivedTone();
        Awaitility.await("the callee hears the caller again").atMost(WAIT).until(() -> callee.receivedTone() >= heard + 25);
        assertEquals(200, caller.bye());
        callee.awaitRequest("BYE", WAIT);
    }

    @Test
    public void dtmfInSipInfoReachesTheApplication() throws InterruptedException {
        DIGITS.clear();
        AppPhone phone = phone("presser", CALLER_TONE, CALLER_TONE);
        phone.invite("7776");
        assertEquals(200, phone.awaitFinal(WAIT).status());
        assertEquals(200, phone.info('5'));
        assertEquals(Character.valueOf('5'), DIGITS.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(200, phone.bye());
    }

    @Test
    public void aUserWhoDoesNotAnswerOrIsBusyFallsBackToAnApplication() throws Exception {
        SipUser carol = createUser("carol");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.switchboard.dialplan.fallback-" + carol.name() + ".cfg");
        Files.writeString(cfg, "user = " + carol.name() + "\nno.answer.seconds = 2\nno.answer = application:itest-echo\n"
                + "busy = application:itest-echo\n");
        try {
            Awaitility.await("the dial plan has the fallbacks").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> executeCommand("dialplan:test x " + carol.name()).contains("busy"));
            AppPhone device = phone(carol.name(), CALLEE_TONE, CALLER_TONE);
            device.answerWith(0);
            device.register(carol.name(), carol.password());
            AppPhone caller = phone("patient", CALLER_TONE, CALLER_TONE);

            caller.invite(carol.name());
            device.awaitRequest("INVITE", WAIT);
            assertEquals(180, caller.awaitResponse("INVITE", WAIT).status());
            device.awaitRequest("CANCEL", WAIT);
            SipMessage ok = caller.awaitFinal(WAIT);
            assertEquals("no answer after 2 s: the application answers", 200, ok.status());
            Awaitility.await("the fallback application echoes").atMost(WAIT).until(() -> caller.receivedTone() >= 10);
            assertEquals(200, caller.bye());

            device.answerWith(486);
            AppPhone second = phone("hopeful", CALLER_TONE, CALLER_TONE);
            second.invite(carol.name());
            assertEquals("busy: the application answers", 200, second.awaitFinal(WAIT).status());
            assertEquals(200, second.bye());
        } finally {
            Files.deleteIfExists(cfg);
        }
    }

    @Test
    public void aCallWhosePeerStopsSendingIsHungUp() {
        AppPhone phone = phone("vanishing", CALLER_TONE, CALLER_TONE);
        phone.invite("7771");
        assertEquals(200, phone.awaitFinal(WAIT).status());
        Awaitility.await("media flows").atMost(WAIT).until(() -> phone.received() >= 10);

        phone.stopRtp();

        // rtp.timeout.seconds = 3
        phone.awaitRequest("BYE", Duration.ofSeconds(8));
    }

    @Test
    public void removingAnApplicationKeepsItsCallsAndRefusesNewOnes() {
        ServiceRegistration<CallApplication> removable = register("itest-removable", call -> call.leg().echo(), 0);
        AppPhone first = phone("stayer", CALLER_TONE, CALLER_TONE);
        first.invite("7775");
        assertEquals(200, first.awaitFinal(WAIT).status());
        Awaitility.await("media flows").atMost(WAIT).until(() -> first.receivedTone() >= 10);

        removable.unregister();

        int before = first.receivedTone();
        Awaitility.await("the running call keeps its media").atMost(WAIT).until(() -> first.receivedTone() >= before + 50);
        AppPhone second = phone("latecomer", CALLER_TONE, CALLER_TONE);
        second.invite("7775");
        assertEquals(404, second.awaitFinal(WAIT).status());
        assertEquals(200, first.bye());
    }
}
