package org.switchboard.itest.torture;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.switchboard.itest.support.SipMessage;
import org.switchboard.itest.support.SwitchboardTestSupport;
import org.switchboard.itest.support.UdpProbe;

/**
 * The RFC 4475 torture messages (shared/testdata/rfc4475, read through its manifest.tsv), each
 * sent as one UDP datagram. Data-driven: every message is checked and a table of file → answer
 * is printed (and written to target/rfc4475-report.txt), then the test fails listing every
 * message whose answer the RFC does not allow.
 *
 * <p>What is checked, without pinning codes where the RFC allows several:
 * <ul>
 * <li>{@code valid} / {@code valid-unusual} requests: answered, and not with 400 (unless the
 * manifest's expected_response names 400 as an allowed answer, as for 3.2.1 and 3.3.4);</li>
 * <li>{@code invalid} requests: no answer at all, or an answer that is not 2xx;</li>
 * <li>responses: never answered;</li>
 * <li>afterwards the platform still answers OPTIONS.</li>
 * </ul>
 * The top Via of each request is pointed at the test's own socket (transport UDP, sent-by
 * 127.0.0.1:port) so that the answer comes back, and a branch that several messages share
 * gets a unique suffix (column "via": ours, ours+br, orig); everything else is sent byte for
 * byte.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Rfc4475TortureIT extends SwitchboardTestSupport {

    private static final Duration WINDOW = Duration.ofSeconds(6);
    /** The top Via's sent-protocol and sent-by, folding and odd spacing allowed (e.g. 3.1.1.1). */
    private static final Pattern TOP_VIA = Pattern.compile(
            "(?im)^(?:via|v)[ \\t]*:\\s*(SIP\\s*/\\s*[0-9.]+\\s*/\\s*)([A-Za-z]+)(\\s+)([^;,\\s]+)");

    private static final Pattern BRANCH = Pattern.compile("(?i)(;\\s*branch\\s*=\\s*)([^;,\\s]+)");

    record Row(String name, String section, String file, String message, String disposition, String expected) {
        boolean isResponse() {
            return message.startsWith("response");
        }
    }

    record Outcome(Row row, String via, List<SipMessage> answers, String verdict) {
        String answerText() {
            if (answers.isEmpty()) {
                return "(no answer)";
            }
            return answers.stream().map(SipMessage::startLine).collect(Collectors.joining(" / "));
        }
    }

    private static List<Row> manifest(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"), UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            rows.add(new Row(c[0], c[1], c[3], c[5], c[6], c[7]));
        }
        return rows;
    }

    /** Points the top Via at the probe; returns null when there is no Via it can read. */
    static String retarget(String message, int port) {
        Matcher m = TOP_VIA.matcher(message);
        if (!m.find()) {
            return null;
        }
        return message.substring(0, m.start(2)) + "UDP" + m.group(3) + "127.0.0.1:" + port
                + message.substring(m.end(4));
    }

    /** @return the branch of the top Via, or "" */
    static String branch(String message) {
        Matcher via = TOP_VIA.matcher(message);
        if (!via.find()) {
            return "";
        }
        Matcher b = BRANCH.matcher(message);
        return b.find(via.end()) ? b.group(2) : "";
    }

    /**
     * Several RFC 4475 messages reuse one branch (z9hG4bKkdjuw...). Sent together, they would
     * test transaction matching rather than parsing (the server may take one for a
     * retransmission of another), so a reused branch gets a suffix that keeps it unique.
     */
    static String uniqueBranch(String message, String suffix) {
        Matcher via = TOP_VIA.matcher(message);
        Matcher b = BRANCH.matcher(message);
        if (!via.find() || !b.find(via.end())) {
            return message;
        }
        return message.substring(0, b.end(2)) + suffix + message.substring(b.end(2));
    }

    private Outcome exchange(Path dir, Row row, Set<String> reusedBranches) throws IOException {
        byte[] original = Files.readAllBytes(dir.resolve(row.file()));
        try (UdpProbe probe = new UdpProbe(sipPort())) {
            String datagram = null;
            String via = "-";
            if (!row.isResponse()) {
                String text = new String(original, ISO_8859_1);
                datagram = retarget(text, probe.port());
                via = datagram == null ? "orig" : "ours";
                if (datagram != null && reusedBranches.contains(branch(text))) {
                    datagram = uniqueBranch(datagram, "." + row.name());
                    via = "ours+br";
                }
            }
            probe.send(datagram == null ? original : datagram.getBytes(ISO_8859_1));
            List<SipMessage> answers = probe.receiveUntilFinal(WINDOW);
            return new Outcome(row, via, answers, verdict(row, answers));
        }
    }

    /** @return the top-Via branches that more than one request of the set uses */
    private static Set<String> reusedBranches(Path dir, List<Row> rows) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (Row row : rows) {
            if (!row.isResponse()) {
                String b = branch(new String(Files.readAllBytes(dir.resolve(row.file())), ISO_8859_1));
                if (!b.isEmpty()) {
                    counts.merge(b, 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** @return null if the answer is one the RFC allows, else why not */
    static String verdict(Row row, List<SipMessage> answers) {
        List<SipMessage> finals = answers.stream().filter(a -> a.isResponse() && a.status() >= 200).toList();
        if (answers.stream().anyMatch(a -> !a.isResponse())) {
            return "a request came back to the sender";
        }
        if (row.isResponse()) {
            return answers.isEmpty() ? null : "a response must never be answered";
        }
        if ("invalid".equals(row.disposition())) {
            if (finals.stream().anyMatch(f -> f.status() < 300)) {
                return "an invalid request was accepted (2xx)";
            }
            // where the RFC names 400 Bad Request as the answer, nothing else will do (not 401 or 403:
            // a malformed request must not reach authentication)
            boolean wants400 = row.expected().startsWith("400 Bad Request") && !row.expected().contains("acceptable");
            return wants400 && finals.stream().noneMatch(f -> f.status() == 400)
                    ? "an invalid request was not answered 400 (got " + finals.stream().map(f -> String.valueOf(f.status())).toList() + ")"
                    : null;
        }
        if (answers.isEmpty()) {
            return "a well-formed request was dropped without an answer";
        }
        // a few well-formed messages may still earn a 400 (e.g. 3.3.4: a registrar refuses an isbn: AOR);
        // the manifest's expected_response says so, and then 400 is allowed
        boolean rfcAllows400 = row.expected().contains("400");
        return !rfcAllows400 && finals.stream().anyMatch(f -> f.status() == 400)
                ? "a well-formed request was rejected with 400" : null;
    }

    @Test
    public void tortureMessagesGetAnswersTheRfcAllows() throws Exception {
        Path dir = Path.of(System.getProperty("itest.rfc4475.dir", ""));
        assertTrue("RFC 4475 messages not found in '" + dir + "' (system property rfc4475.dir)",
                Files.isRegularFile(dir.resolve("manifest.tsv")));
        List<Row> rows = manifest(dir);

        Set<String> reused = reusedBranches(dir, rows);
        // one socket per message, all at once: the window is paid once, not 49 times
        ExecutorService pool = Executors.newFixedThreadPool(rows.size());
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Row row : rows) {
                futures.add(pool.submit(() -> exchange(dir, row, reused)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        String table = table(outcomes);
        System.out.println(table);
        Path report = Path.of(System.getProperty("itest.report.dir", "."), "rfc4475-report.txt");
        Files.writeString(report, table, UTF_8);

        try (UdpProbe probe = new UdpProbe(sipPort())) {
            assertNotNull("the platform still answers OPTIONS after the torture messages\n" + table,
                    probe.options(Duration.ofSeconds(5)));
        }
        List<Outcome> failures = outcomes.stream().filter(o -> o.verdict() != null).toList();
        assertTrue(failures.size() + " torture message(s) got an answer the RFC does not allow:\n"
                + failures.stream().map(o -> "  " + o.row().file() + ": " + o.verdict() + " -> " + o.answerText())
                        .collect(Collectors.joining("\n"))
                + "\n\n" + table, failures.isEmpty());
    }

    private static String table(List<Outcome> outcomes) {
        StringBuilder t = new StringBuilder("RFC 4475 torture messages over UDP\n");
        t.append(String.format("%-8s %-12s %-13s %-7s %-4s %s%n", "section", "name", "disposition", "via", "ok",
                "answer (expected per RFC)"));
        for (Outcome o : outcomes) {
            Row r = o.row();
            t.append(String.format("%-8s %-12s %-13s %-7s %-4s %s   (%s)%s%n", r.section(), r.name(), r.disposition(),
                    o.via(), o.verdict() == null ? "ok" : "FAIL",
                    o.answerText(), r.expected(), o.verdict() == null ? "" : "  <-- " + o.verdict()));
        }
        return t.toString();
    }
}
