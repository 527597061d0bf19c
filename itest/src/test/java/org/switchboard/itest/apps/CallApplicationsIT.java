package org.switchboard.itest.apps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.switchboard.api.call.CallTaps;
import org.switchboard.api.call.PartyFrame;
import org.switchboard.api.event.EventKeys;
import org.switchboard.api.event.Topics;
import org.switchboard.api.media.MediaOperation;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.switchboard.api.app.CallApplication;
import org.switchboard.itest.support.Baresip;
import org.switchboard.itest.support.ExternalProcess;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The call applications of the distribution (echo, IVR, meetings, music on hold), installed as
 * its boot features, called by SIP phones with real RTP: PCMU sine tones, one frequency per
 * phone, keys as RFC 4733 events. Who hears whom is told by the strength of each phone's
 * frequency in what another receives (Goertzel), prompts by the level of what is received.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallApplicationsIT extends SwitchboardTestSupport {

    private static final String RULES = "*43 = application:echo, 8000-8999 = application:meetings, "
            + "*800 = application:ivr, 2001 = user:dialme, 2002 = user:tapped, *66 = application:moh";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** A tone this strong (peak amplitude, of 6000 sent) is heard; a mix of three loses some of it. */
    private static final double HEARD = 1500;
    private static final double NOT_HEARD = 300;
    private static final double SPEECH = 400;
    private static final double QUIET = 150;

    private final List<TonePhone> phones = new ArrayList<>();

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.switchboard.dialplan.cfg", "rules", RULES),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "public.address", "127.0.0.1"));
    }

    @Before
    public void awaitTheApplications() {
        await("the boot features' applications are registered", Duration.ofSeconds(60), () -> {
            try {
                return Stream.of("echo", "ivr", "meetings", "moh").allMatch(name -> {
                    try {
                        return !bundleContext.getServiceReferences(CallApplication.class,
                                "(" + CallApplication.NAME + "=" + name + ")").isEmpty();
                    } catch (InvalidSyntaxException e) {
                        throw new IllegalArgumentException(e);
                    }
                });
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    @After
    public void hangUpEveryone() {
        phones.forEach(TonePhone::close);
    }

    private TonePhone phone(String user, double hz) {
        TonePhone p = new TonePhone(sipPort(), user, hz);
        phones.add(p);
        return p;
    }

    private TonePhone call(String user, double hz, String number) {
        TonePhone p = phone(user, hz);
        p.invite(number);
        assertEquals(user + " calls " + number, 200, p.awaitFinal(WAIT).status());
        return p;
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * @return whether the phone hears the frequency clearly: strong, and a large part of all it
     *     hears (speech has some energy at any frequency, a tone has it all at one)
     */
    private static boolean hears(TonePhone p, double hz) {
        double tone = p.tone(hz, SECOND);
        return tone > HEARD && tone > 0.5 * p.level(SECOND);
    }

    /** Waits for a prompt to start and then to end (1.2 s of quiet: longer than a pause between sentences). */
    private static void awaitPrompt(TonePhone p, String what) {
        await(what + " starts", WAIT, () -> p.level(Duration.ofMillis(300)) > SPEECH);
        await(what + " ends", Duration.ofSeconds(20), () -> p.level(Duration.ofMillis(1200)) < QUIET);
    }

    @Test
    public void theEchoTestGivesTheCallerItsOwnAudioBack() {
        TonePhone p = call("echoer", 700, "*43");
        await("the caller hears its own 700 Hz", Duration.ofSeconds(15), () -> hears(p, 700));
        assertEquals(200, p.bye());
    }

    @Test
    public void baresipCallsTheEchoTestAndHearsItself() throws Exception {
        SipUser user = createUser("bare");
        Path dir = Baresip.config(user, HOST, sipPort(),
                Baresip.tone(Files.createTempFile("tone", ".wav"), 440, Duration.ofSeconds(60), 6000), false);
        ExternalProcess baresip = startProcess("baresip-" + user.name(), "baresip", "-f", dir.toString(), "-t", "40",
                "-e", "/dial sip:*43@" + HOST + ":" + sipPort());
        baresip.awaitLine(WAIT, l -> l.contains("Call established"));
        // Debian's baresip cannot write what it hears to a file (aufile is a source only there),
        // so this checks what baresip reports; TonePhone checks that the audio is the caller's own
        baresip.awaitLine(WAIT, l -> l.contains("incoming rtp for 'audio' established"));
        String calls = executeCommand("sip:app-calls");
        assertTrue("sip:app-calls shows the echo call of " + user.name() + ":\n" + calls,
                calls.contains(user.name()) && calls.contains("echo"));
    }

    @Test
    public void ivrKeyOneReachesAMeetingRoom() {
        TonePhone p = call("ivrmeet", 0, "*800");
        awaitPrompt(p, "the greeting and the menu");
        p.press("1");
        awaitPrompt(p, "the meeting number prompt");
        p.press("8123#");
        await("meet:list shows the caller in room 8123", WAIT,
                () -> executeCommand("meet:list 8123").contains("ivrmeet"));
        assertEquals(200, p.bye());
        await("the room closes", WAIT, () -> executeCommand("meet:list").contains("No meeting room is open"));
    }

    @Test
    public void ivrKeyTwoDialsAUser() {
        executeCommand("sip:user-add --password dial-pw-1 dialme");
        TonePhone callee = phone("dialme", 900);
        callee.register("dialme", "dial-pw-1");
        TonePhone p = call("ivrdial", 500, "*800");
        await("the greeting starts", WAIT, () -> p.level(Duration.ofMillis(300)) > SPEECH);
        p.press("2");
        await("the IVR asks for the number", WAIT, () -> p.level(Duration.ofMillis(300)) > SPEECH);
        p.press("2001#");
        callee.awaitRequest("INVITE", Duration.ofSeconds(20));
        await("the caller hears the callee", WAIT, () -> hears(p, 900));
        await("the callee hears the caller", WAIT, () -> hears(callee, 500));

        callee.holdAnswered();
        await("on hold, the caller hears music, not the callee", WAIT,
                () -> p.level(SECOND) > SPEECH && p.tone(900, SECOND) < NOT_HEARD);
        assertEquals(200, p.bye());
    }

    @Test
    public void anAnchoredCallIsObservedAndEachPartyTappedSeparately() {
        List<Event> events = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, Topics.CALL_ANY);
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            executeCommand("sip:user-add --password tap-pw-1 tapped"); // its own user: each test may run first
            TonePhone callee = phone("tapped", 900);
            callee.register("tapped", "tap-pw-1");
            TonePhone p = call("tapper", 500, "*800");
            await("the greeting starts", WAIT, () -> p.level(Duration.ofMillis(300)) > SPEECH);
            p.press("2");
            await("the IVR asks for the number", WAIT, () -> p.level(Duration.ofMillis(300)) > SPEECH);
            p.press("2002#");
            callee.awaitRequest("INVITE", Duration.ofSeconds(20));
            await("the caller hears the callee", WAIT, () -> hears(p, 900));

            CallTaps taps = bundleContext.getService(bundleContext.getServiceReference(CallTaps.class));
            assertTrue(taps.anchoredCalls().contains(p.callId()));
            List<short[]> caller = new CopyOnWriteArrayList<>();
            List<short[]> called = new CopyOnWriteArrayList<>();
            MediaOperation<Void> tap = taps.tap(p.callId(), 8000, f -> (f.party() == PartyFrame.Party.CALLER ? caller : called)
                    .add(f.frame().samples())).orElseThrow();
            await("the tap hears the caller's 500 Hz on the caller's side only", WAIT,
                    () -> Audio.goertzel(lastSecond(caller), 500) > HEARD && Audio.goertzel(lastSecond(caller), 900) < NOT_HEARD);
            await("the tap hears the callee's 900 Hz on the called side only", WAIT,
                    () -> Audio.goertzel(lastSecond(called), 900) > HEARD && Audio.goertzel(lastSecond(called), 500) < NOT_HEARD);
            tap.stop();
            assertEquals(200, p.bye());

            await("STARTED, ANSWERED and ENDED of the call, anchored", WAIT, () -> events.stream()
                    .filter(e -> p.callId().equals(e.getProperty(EventKeys.CALL_ID))).map(Event::getTopic).toList()
                    .equals(List.of(Topics.CALL_STARTED, Topics.CALL_ANSWERED, Topics.CALL_ENDED)));
            Event started = events.stream().filter(e -> p.callId().equals(e.getProperty(EventKeys.CALL_ID))).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, started.getProperty(EventKeys.ANCHORED));
            assertEquals("ivr", started.getProperty(EventKeys.APPLICATION));
        } finally {
            handler.unregister();
        }
    }

    /** @return the last second (50 frames of 160 samples) of a tap's frames */
    private static short[] lastSecond(List<short[]> frames) {
        List<short[]> last = frames.subList(Math.max(0, frames.size() - 50), frames.size());
        short[] out = new short[last.size() * 160];
        for (int i = 0; i < last.size(); i++) {
            System.arraycopy(last.get(i), 0, out, i * 160, Math.min(160, last.get(i).length));
        }
        return out.length == 0 ? new short[160] : out;
    }

    @Test
    public void anInvalidKeyReplaysTheMenu() {
        TonePhone p = call("ivrwrong", 0, "*800");
        awaitPrompt(p, "the greeting and the menu");
        p.press("9");
        long pressed = System.nanoTime();
        // the menu waits 5 s for a key: sound within 2 s is the answer to the key, not the timeout
        await("'not a valid choice' at once", Duration.ofSeconds(2), () -> p.level(Duration.ofMillis(300)) > SPEECH);
        // "that is not a valid choice" is over 2 s after the key; if the menu did not follow at
        // once, the next sound would be the timeout's replay, 5 s after it
        await("the menu right after 'not a valid choice'", Duration.ofMillis(5000 - millisSince(pressed)),
                () -> millisSince(pressed) > 2500 && p.level(Duration.ofMillis(300)) > SPEECH);
        p.press("1");
        awaitPrompt(p, "the meeting number prompt");
        p.press("8124#");
        await("the replayed menu still works", WAIT, () -> executeCommand("meet:list 8124").contains("ivrwrong"));
        assertEquals(200, p.bye());
    }

    @Test
    public void threePhonesInARoomEachHearTheOthersAndNotThemselves() {
        double[] hz = {500, 700, 1100};
        TonePhone[] in = new TonePhone[3];
        for (int i = 0; i < 3; i++) {
            in[i] = call("meet" + i, hz[i], "8200");
        }
        await("meet:list shows three", WAIT, () -> {
            String list = executeCommand("meet:list 8200");
            return list.contains("meet0") && list.contains("meet1") && list.contains("meet2");
        });
        for (int i = 0; i < 3; i++) {
            TonePhone me = in[i];
            double own = hz[i];
            double a = hz[(i + 1) % 3];
            double b = hz[(i + 2) % 3];
            try {
                await("phone " + i + " hears " + a + " and " + b + " Hz but not its own " + own, Duration.ofSeconds(20),
                        () -> hears(me, a) && hears(me, b) && me.tone(own, SECOND) < NOT_HEARD);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + ": " + a + " Hz " + me.tone(a, SECOND) + ", " + b + " Hz "
                        + me.tone(b, SECOND) + ", own " + me.tone(own, SECOND), e);
            }
        }
        assertTrue(executeCommand("meet:mute 8200 1").contains("Muted"));
        await("nobody hears the muted phone", WAIT, () -> in[1].tone(hz[0], SECOND) < NOT_HEARD
                && in[2].tone(hz[0], SECOND) < NOT_HEARD);
        assertTrue(executeCommand("meet:kick 8200 meet").contains("has no participant"));
        for (TonePhone p : in) {
            assertEquals(200, p.bye());
        }
    }

    @Test
    public void uninstallingTheIvrKeepsAnEchoCallAndRefusesTheIvrNumberUntilReinstalled() throws Exception {
        TonePhone echo = call("steady", 700, "*43");
        await("echo", Duration.ofSeconds(15), () -> hears(echo, 700));

        executeCommand("feature:uninstall switchboard-ivr");
        await("the IVR is gone", WAIT, () -> java.util.Arrays.stream(bundleContext.getBundles())
                .noneMatch(b -> "org.switchboard.ivr".equals(b.getSymbolicName())));
        TonePhone refused = phone("refused", 0);
        refused.invite("*800");
        assertEquals(404, refused.awaitFinal(WAIT).status());
        await("the echo call goes on", WAIT, () -> hears(echo, 700));

        executeCommand("feature:install switchboard-ivr");
        await("the IVR answers again", Duration.ofSeconds(30), () -> {
            TonePhone again = phone("again", 0);
            again.invite("*800");
            int status = again.awaitFinal(WAIT).status();
            if (status == 200) {
                again.bye();
            }
            return status == 200;
        });
        assertTrue("the echo call is still up", hears(echo, 700));
        assertEquals(200, echo.bye());
    }

    @Test
    public void theMusicOnHoldApplicationPlaysTheStream() {
        TonePhone p = call("listener", 0, "*66");
        await("music", WAIT, () -> p.level(SECOND) > SPEECH);
        assertEquals(200, p.bye());
    }
}
