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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * The platform's own media engine against real Chromium: the softphone calls the call
 * applications (echo test, meetings), so the engine's browser legs (ICE-lite, DTLS-SRTP with
 * Chrome's actpass offer, SRTP, rtcp-mux, BUNDLE, G.711 picked from an Opus-first offer) carry
 * the audio, and the scripts check by audio correlation what each browser hears:
 * {@code itest/browser/scenarios/echo-browser.mjs} (its own sentence back, correlation &gt; 0.8)
 * and {@code meeting-browsers.mjs} (three parties, each hears the other two and not itself).
 *
 * <p>Same pattern as {@link SoftphoneBrowserIT}: the scripts run as external {@code node}
 * processes; outputs (console logs, getStats summaries, correlation.json) go to
 * {@code itest/target/browser/<scenario>/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MediaAppsBrowserIT extends SwitchboardTestSupport {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(3);

    @Configuration
    @Override
    public Option[] config() {
        // the browser runs on this host: ICE candidates on loopback (the engine binds its media
        // sockets to the advertised address so that ICE answers come from it)
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "public.address", "127.0.0.1"));
    }

    /** What a scenario script left behind. */
    record Run(String scenario, int exitCode, String output, Duration took) {
        @Override
        public String toString() {
            return "scenario " + scenario + " -> exit " + exitCode + " after " + took.toMillis() + " ms\n" + output;
        }
    }

    private static Path browserDir() {
        Path dir = Path.of(System.getProperty("itest.browser.dir", ""));
        assertTrue("itest/browser is installed in " + dir + " (npm ci --prefix itest/browser)",
                Files.isDirectory(dir.resolve("node_modules/playwright-core")));
        assertTrue(CHROMIUM + " is installed (apt-get install chromium)", Files.isExecutable(Path.of(CHROMIUM)));
        return dir;
    }

    private static Path outDir(String scenario) {
        String report = System.getProperty("itest.report.dir");
        Path base = report == null || report.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(report);
        return base.resolve("browser").resolve(scenario);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Runs {@code node scenarios/<name>.mjs} with fresh users and the client URL; returns what it printed. */
    private Run run(String scenario, int userCount) {
        List<SipUser> users = new ArrayList<>();
        String[] prefixes = {"alice", "bob", "carol"};
        for (int i = 0; i < userCount; i++) {
            users.add(createUser(prefixes[i]));
        }
        Path dir = browserDir();
        Path out = outDir(scenario);
        String usersJson = users.stream()
                .map(u -> "{\"name\":" + json(u.name()) + ",\"password\":" + json(u.password()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        List<String> command = List.of("node", dir.resolve("scenarios").resolve(scenario + ".mjs").toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SB_BASE_URL", "http://" + HOST + ":" + httpPort() + "/phone/");
        pb.environment().put("SB_USERS", usersJson);
        pb.environment().put("SB_OUT_DIR", out.toString());
        long start = System.nanoTime();
        try {
            Files.createDirectories(out);
            Process p = pb.start();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0;) {
                        synchronized (output) {
                            output.append(new String(buf, 0, n, UTF_8));
                        }
                    }
                } catch (IOException ended) {
                    // the process went away
                }
            }, "browser-" + scenario);
            reader.setDaemon(true);
            reader.start();
            boolean finished = p.waitFor(SCENARIO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5000);
            String text;
            synchronized (output) {
                text = output.toString();
            }
            Files.writeString(out.resolve("output.txt"), text);
            Run r = new Run(scenario, finished ? p.exitValue() : -1,
                    finished ? text : text + "\n(killed after " + SCENARIO_TIMEOUT + ")", Duration.ofNanos(System.nanoTime() - start));
            System.out.println("[MediaAppsBrowserIT] " + scenario + ": exit " + r.exitCode() + " in " + r.took().toMillis() + " ms");
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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

    /** Three browsers in one meeting room: each hears the other two and not itself. */
    @Test
    public void meetingBrowsers() {
        Run r = run("meeting-browsers", 3);
        printResult(r, "{\"meeting\"");
        assertEquals("the meeting-browsers scenario passed in Chromium:\n" + r, 0, r.exitCode());
    }
}
