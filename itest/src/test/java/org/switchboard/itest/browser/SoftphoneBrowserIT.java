package org.switchboard.itest.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The browser softphone end to end: real Chromium (the apt package) driven by playwright-core
 * from the Node scripts in itest/browser/scenarios, against this distribution's /phone/ client,
 * its /api and its SIP over WebSocket, with users created here. Each script registers its
 * softphones through the URL activation parameters and asserts what a user would see and hear:
 * RTP both ways, whose voice arrives (audio correlation of espeak-ng sentences), DTMF, hold,
 * mute, reject, transfers, conference, history, reconnection, screenshots and timings.
 *
 * <p>Pax Exam runs this inside the Karaf JVM; the scripts run as external {@code node}
 * processes (like JsSipIT). Screenshots, per-party console logs and timings.json go to
 * {@code itest/target/browser/<scenario>/}. CI installs chromium and espeak-ng (apt) and runs
 * {@code npm ci --prefix itest/browser}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoftphoneBrowserIT extends BrowserScenarioSupport {

    private void scenario(String name, int userCount) {
        Run r = run(name, userCount);
        assertEquals("the " + name + " scenario passed in Chromium:\n" + r, 0, r.exitCode());
    }

    @Test
    public void callMedia() {
        scenario("call-media", 2);
    }

    /** A JsSIP whose User-Agent does not start with "JsSIP" registers and calls over WSS by default. */
    @Test
    public void customUserAgent() {
        scenario("custom-user-agent", 2);
    }

    @Test
    public void dtmfHoldMute() {
        scenario("dtmf-hold-mute", 2);
    }

    @Test
    public void reject() {
        scenario("reject", 2);
    }

    @Test
    public void blindTransfer() {
        scenario("blind-transfer", 3);
    }

    @Test
    public void attendedTransfer() {
        scenario("attended-transfer", 3);
    }

    @Test
    public void conference() {
        scenario("conference", 3);
    }

    @Test
    public void history() {
        scenario("history", 2);
    }

    @Test
    public void wsReconnect() {
        scenario("ws-reconnect", 1);
    }

    @Test
    public void wssFailover() {
        scenario("wss-failover", 2);
    }

    @Test
    public void registrationWake() {
        scenario("registration-wake", 1);
    }

    @Test
    public void urlActivation() {
        scenario("url-activation", 2);
    }

    @Test
    public void screenshots() {
        scenario("screenshots", 2);
    }

    @Test
    public void timings() {
        List<SipUser> users = List.of(createUser("alice"), createUser("bob"));
        Run r = run("timings", users, Map.of());
        assertEquals("the timings scenario passed in Chromium:\n" + r, 0, r.exitCode());
        String line = r.output().lines().filter(l -> l.startsWith("{\"registeredMs\"")).findFirst().orElse(null);
        assertTrue("timings printed {\"registeredMs\":..,\"dialToMediaMs\":..}:\n" + r, line != null);
        System.out.println("[SoftphoneBrowserIT] timings " + line);
    }

    /**
     * A server feature's panel comes and goes with its Karaf feature, without a reload: the
     * scenario shows alice's Meetings panel, asks for {@code feature:uninstall
     * switchboard-meetings} (the panel goes, the call with bob and both registrations stay),
     * then for {@code feature:install} (the panel comes back).
     */
    @Test
    public void featurePanelFollowsFeatureInstall() throws Exception {
        Path out = outDir("feature-panel");
        Files.createDirectories(out);
        for (String step : new String[] {"uninstall", "install"}) {
            Files.deleteIfExists(out.resolve("request-" + step));
            Files.deleteIfExists(out.resolve("done-" + step));
        }
        // Run first in the class, this test may start while Karaf still installs the boot features;
        // until their repository is loaded, feature:install answers "No matching features" (seen once in CI)
        Awaitility.await("the boot features are installed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> executeCommand("feature:list -i").contains("switchboard-meetings"));
        List<SipUser> users = List.of(createUser("alice"), createUser("bob"));
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> run("feature-panel", users, Map.of()));
        try {
            step(out, run, "uninstall", () -> {
                executeCommand("feature:uninstall switchboard-meetings");
                awaitClientConfigListsMeetings(false);
            });
            step(out, run, "install", () -> {
                executeCommand("feature:install switchboard-meetings");
                awaitClientConfigListsMeetings(true);
            });
            Run r = run.get(SCENARIO_TIMEOUT.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            assertEquals("the feature-panel scenario passed in Chromium:\n" + r, 0, r.exitCode());
        } finally {
            if (!executeCommand("feature:list -i").contains("switchboard-meetings")) {
                executeCommand("feature:install switchboard-meetings");
            }
        }
    }

    /** Waits until the scenario asks for a step, does it, and tells the scenario it is done. */
    private static void step(Path out, CompletableFuture<Run> run, String step, Runnable action) throws IOException {
        Path request = out.resolve("request-" + step);
        Awaitility.await("the scenario asks for " + step).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (run.isDone()) {
                        throw new AssertionError("the scenario ended before asking for " + step + ":\n" + run.join());
                    }
                    return Files.exists(request);
                });
        action.run();
        Files.writeString(out.resolve("done-" + step), "done");
    }

    private static void awaitClientConfigListsMeetings(boolean listed) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + httpPort() + "/api/client-config");
        Awaitility.await("/api/client-config " + (listed ? "lists" : "no longer lists") + " the meetings feature")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString(UTF_8)).body().contains("\"id\":\"meetings\"") == listed);
    }
}
