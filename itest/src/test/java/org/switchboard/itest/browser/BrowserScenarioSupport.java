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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipUser;
import org.switchboard.itest.support.SwitchboardTestSupport;

/**
 * What the browser ITs share: waiting for the web side, and running one
 * {@code itest/browser/scenarios/<name>.mjs} script as an external {@code node} process with
 * the users, the client URL and an output folder ({@code itest/target/browser/<scenario>/}).
 */
public abstract class BrowserScenarioSupport extends SwitchboardTestSupport {

    @org.junit.Before
    public void webReady() {
        awaitWebReady();
    }

    static final String CHROMIUM = "/usr/bin/chromium";
    static final Duration SCENARIO_TIMEOUT = Duration.ofMinutes(3);

    /** What a scenario script left behind. */
    protected record Run(String scenario, int exitCode, String output, Duration took) {
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

    static Path outDir(String scenario) {
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

    /** @return the base URL of the client the platform serves over plain HTTP to loopback */
    protected static String baseUrl() {
        return "http://" + HOST + ":" + httpPort() + "/phone/";
    }

    /**
     * Runs {@code node scenarios/<name>.mjs} with the users and the client URL in its
     * environment, and returns what it printed.
     */
    protected Run run(String scenario, List<SipUser> users, Map<String, String> extraEnv) {
        Path dir = browserDir();
        Path out = outDir(scenario);
        String usersJson = users.stream()
                .map(u -> "{\"name\":" + json(u.name()) + ",\"password\":" + json(u.password()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        List<String> command = new ArrayList<>(List.of("node", dir.resolve("scenarios").resolve(scenario + ".mjs").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SB_BASE_URL", baseUrl());
        pb.environment().put("SB_USERS", usersJson);
        pb.environment().put("SB_OUT_DIR", out.toString());
        pb.environment().putAll(extraEnv);
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
            Run r = new Run(scenario, finished ? p.exitValue() : -1, finished ? text : text + "\n(killed after " + SCENARIO_TIMEOUT + ")",
                    Duration.ofNanos(System.nanoTime() - start));
            System.out.println("[" + getClass().getSimpleName() + "] " + scenario + ": exit " + r.exitCode() + " in " + r.took().toMillis() + " ms");
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a scenario with fresh users named alice, bob, carol (as many as it needs). */
    protected Run run(String scenario, int userCount) {
        List<SipUser> users = new ArrayList<>();
        String[] prefixes = {"alice", "bob", "carol"};
        for (int i = 0; i < userCount; i++) {
            users.add(createUser(prefixes[i]));
        }
        return run(scenario, users, Map.of());
    }
}
