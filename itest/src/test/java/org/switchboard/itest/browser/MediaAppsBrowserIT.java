package org.switchboard.itest.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.app.CallApplication;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The platform's own media engine against real Chromium: the softphone calls the call
 * applications (echo test, meetings), so the engine's browser legs (ICE-lite, DTLS-SRTP with
 * Chrome's actpass offer, SRTP, rtcp-mux, BUNDLE, G.711 picked from an Opus-first offer) carry
 * the audio, and the scripts check by audio correlation what each browser hears:
 * {@code itest/browser/scenarios/echo-browser.mjs} (its own sentence back, correlation &gt; 0.8)
 * , {@code meeting-browsers.mjs} (three parties, each hears the other two and not itself) and
 * {@code moh-browser.mjs} (held by the far end of an anchored call, the browser hears music) and
 * {@code echo-ice-restart.mjs} (the WebSocket drops, the client restarts ICE, the echo goes on)
 * and {@code connect-browser.mjs} (an application connects a SIP phone to the browser: the
 * platform's own UDP/TLS/RTP/SAVPF offer, RTP both ways).
 *
 * <p>Same pattern as {@link SoftphoneBrowserIT}: the scripts run as external {@code node}
 * processes; outputs (console logs, getStats summaries, correlation.json) go to
 * {@code itest/target/browser/<scenario>/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MediaAppsBrowserIT extends BrowserScenarioSupport {

    @Configuration
    @Override
    public Option[] config() {
        // the browser runs on this host: ICE candidates on loopback (the engine binds its media
        // sockets to the advertised address so that ICE answers come from it)
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "public.address", "127.0.0.1"),
                editConfigurationFilePut("etc/org.switchboard.dialplan.cfg", "rules", RULES));
    }

    private static final String MOH_NUMBER = "7779";
    private static final String MOH_APP = "itest-moh-connect";
    private static final String CONNECT_NUMBER = "7780";
    private static final String CONNECT_APP = "itest-connect-browser";
    /** The distribution's rules, and numbers whose test applications connect the caller onwards. */
    private static final String RULES = "*43 = application:echo, 8000-8999 = application:meetings, *800 = application:ivr, "
            + MOH_NUMBER + " = application:" + MOH_APP + ", " + CONNECT_NUMBER + " = application:" + CONNECT_APP;
    /** Whom itest-moh-connect connects to. */
    private static final AtomicReference<String> CONNECT_TO = new AtomicReference<>();

    private static void printResult(Run r, String prefix) {
        r.output().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .ifPresent(l -> System.out.println("[MediaAppsBrowserIT] " + r.scenario() + " " + l));
    }

    /** *43 from Chromium: the engine answers over ICE-lite + DTLS-SRTP and the echo correlates > 0.8. */
    @Test
    public void echoBrowser() {
        Run r = run("echo-browser", 1);
        printResult(r, "{\"echoCorrelation\"");
        assertEquals("the echo-browser scenario passed in Chromium:\n" + r, 0, r.exitCode());
    }

    /**
     * Music on hold through the platform: the browser calls {@value #MOH_NUMBER}, whose test
     * application connects it (anchored) to a SIP phone; the phone holds, the browser hears music.
     */
    @Test
    public void mohBrowser() throws Exception {
        SipUser holder = createUser("holder");
        CONNECT_TO.set(holder.name());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(CallApplication.NAME, MOH_APP);
        ServiceRegistration<CallApplication> app = bundleContext.registerService(CallApplication.class,
                call -> call.connect(CONNECT_TO.get(), Duration.ofSeconds(20)), props);
        Path held = outDir("moh-browser").resolve("held");
        Files.createDirectories(held.getParent());
        Files.deleteIfExists(held);
        try (HoldingPhone phone = new HoldingPhone(sipPort(), holder.name())) {
            phone.register(holder.password());
            CompletableFuture<Run> script = CompletableFuture.supplyAsync(() -> run("moh-browser", List.of(createUser("alice")),
                    Map.of("SB_MOH_NUMBER", MOH_NUMBER, "SB_MOH_HOLD_FILE", held.toString())));
            try {
                phone.awaitInvite(Duration.ofSeconds(60));
                Thread.sleep(6000); // the browser checks that it hears the phone's silence first
                phone.hold();
                Files.writeString(held, "held\n");
            } catch (AssertionError e) {
                Run r = script.get(SCENARIO_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
                throw new AssertionError(e.getMessage() + "\n" + r, e);
            }
            Run r = script.get(SCENARIO_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            printResult(r, "{\"beforeHoldDbfs\"");
            assertEquals("the moh-browser scenario passed in Chromium:\n" + r, 0, r.exitCode());
        } finally {
            app.unregister();
        }
    }

    /**
     * A SIP phone (plain RTP) calls {@value #CONNECT_NUMBER}, whose test application connects it
     * to a browser user: the platform offers the browser UDP/TLS/RTP/SAVPF (ICE-lite + DTLS-SRTP),
     * the browser answers, and RTP flows both ways through the anchored bridge.
     */
    @Test
    public void connectPhoneToBrowser() throws Exception {
        SipUser bob = createUser("bob");
        CONNECT_TO.set(bob.name());
        CompletableFuture<Integer> connected = new CompletableFuture<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(CallApplication.NAME, CONNECT_APP);
        ServiceRegistration<CallApplication> app = bundleContext.registerService(CallApplication.class,
                call -> call.connect(CONNECT_TO.get(), Duration.ofSeconds(30))
                        .whenComplete((status, e) -> connected.complete(e == null ? status : -1)), props);
        Path ready = outDir("connect-browser").resolve("ready");
        Path done = outDir("connect-browser").resolve("done");
        Files.createDirectories(ready.getParent());
        Files.deleteIfExists(ready);
        Files.deleteIfExists(done);
        try (HoldingPhone phone = new HoldingPhone(sipPort(), "caller")) {
            CompletableFuture<Run> script = CompletableFuture.supplyAsync(() -> run("connect-browser", List.of(bob),
                    Map.of("SB_READY_FILE", ready.toString(), "SB_DONE_FILE", done.toString())));
            try {
                Awaitility.await("the browser registered").atMost(Duration.ofSeconds(60))
                        .until(() -> Files.exists(ready) || script.isDone());
                assertTrue("the browser registered", Files.exists(ready));
                phone.invite(CONNECT_NUMBER);
                SipMessage ok = phone.awaitFinal(Duration.ofSeconds(20));
                assertEquals("the application answers the phone", 200, ok.status());
                assertEquals("connect() to the browser succeeds", Integer.valueOf(200), connected.get(40, TimeUnit.SECONDS));
                int before = phone.received();
                Awaitility.await("the phone receives the browser's RTP").atMost(Duration.ofSeconds(15))
                        .until(() -> phone.received() - before >= 50);
                Files.writeString(done, "done\n");
            } catch (AssertionError | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                    | org.awaitility.core.ConditionTimeoutException e) {
                Files.writeString(done, "failed\n");
                Run r = script.get(SCENARIO_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
                throw new AssertionError(e.getMessage() + "\n" + r, e);
            }
            Run r = script.get(SCENARIO_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            printResult(r, "{\"connectBrowser\"");
            assertEquals("the connect-browser scenario passed in Chromium:\n" + r, 0, r.exitCode());
            System.out.println("[MediaAppsBrowserIT] connect-browser: the phone received " + phone.received() + " RTP packets");
        } finally {
            app.unregister();
        }
    }

    /**
     * The softphone's WebSocket drops during an echo test; the client refreshes the call with an
     * ICE restart re-INVITE and the engine answers with new credentials: the echo goes on.
     */
    @Test
    public void echoIceRestart() {
        Run r = run("echo-ice-restart", 1);
        printResult(r, "{\"iceRestart\"");
        assertEquals("the echo-ice-restart scenario passed in Chromium:\n" + r, 0, r.exitCode());
    }

    /** Three browsers in one meeting room: each hears the other two and not itself. */
    @Test
    public void meetingBrowsers() {
        Run r = run("meeting-browsers", 3);
        printResult(r, "{\"meeting\"");
        assertEquals("the meeting-browsers scenario passed in Chromium:\n" + r, 0, r.exitCode());
    }
}
