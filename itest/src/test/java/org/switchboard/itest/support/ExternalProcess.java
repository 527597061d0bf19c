package org.switchboard.itest.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * An external program (sipsak, a Net::SIP script...) started by a test. Its stdout and stderr
 * are merged and collected line by line; {@link #close()} kills it.
 */
public final class ExternalProcess implements AutoCloseable {

    /** What a finished program left behind. */
    public record Result(List<String> command, int exitCode, String output) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n" + output;
        }
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ExternalProcess(String name, List<String> command) {
        this.name = name;
        this.command = command;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        reader = new Thread(this::collect, "itest-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a program and leaves it running.
     *
     * @param name a short name for messages
     * @param command the program and its arguments
     * @return the running program
     */
    public static ExternalProcess start(String name, String... command) {
        return new ExternalProcess(name, List.of(command));
    }

    /**
     * Runs a program to its end.
     *
     * @param timeout how long it may take; it is killed after that and the test fails
     * @param command the program and its arguments
     * @return its exit code and output
     */
    public static Result run(Duration timeout, String... command) {
        try (ExternalProcess p = new ExternalProcess(command[0], List.of(command))) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out after " + timeout + ": " + p.describe());
            }
            p.reader.join(TimeUnit.SECONDS.toMillis(5));
            return new Result(p.command, p.process.exitValue(), p.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                lines.add(line);
            }
        } catch (IOException endOfProcess) {
            // the process went away
        }
    }

    /** @return every line printed so far */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** @return whether the program is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return everything printed so far */
    public String output() {
        return String.join("\n", lines);
    }

    /**
     * Writes one line to the program's stdin.
     *
     * @param line the line, without its end
     */
    public void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not accept input any more:\n" + output(), e);
        }
    }

    /**
     * Waits until the program prints a matching line.
     *
     * @param timeout how long to wait
     * @param match what the line must satisfy
     * @return the first matching line
     */
    public String awaitLine(Duration timeout, Predicate<String> match) {
        try {
            Awaitility.await(name + " prints the expected line").atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> lines.stream().anyMatch(match) || !process.isAlive());
        } catch (RuntimeException e) { // ConditionTimeoutException: add what the program printed
            throw new AssertionError("no expected line within " + timeout + " from " + describe(), e);
        }
        return lines.stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError(name + " ended without the expected line: " + describe()));
    }

    /**
     * Waits until the program prints a line that starts with the given words.
     *
     * @param timeout how long to wait
     * @param prefix the start of the line
     * @return the line
     */
    public String awaitLine(Duration timeout, String prefix) {
        return awaitLine(timeout, l -> l.startsWith(prefix));
    }

    /** @return whether some line starts with the prefix */
    public boolean printed(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    /** @return the command and what it printed, for failure messages */
    public String describe() {
        return name + " " + Arrays.toString(command.toArray()) + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n" + output();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
