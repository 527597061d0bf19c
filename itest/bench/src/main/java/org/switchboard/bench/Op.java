package org.switchboard.bench;

import java.net.InetSocketAddress;

/**
 * One unit of measured work (a registration or a call), keyed by Call-ID. All state changes run under
 * the op's monitor: responses arrive on receiver threads, timeouts on the sweeper thread.
 */
abstract class Op {
    final Runner runner;
    final Stats stats;
    final Endpoint ep;
    final String callId;
    long startNanos;
    boolean measured;
    private boolean done;
    volatile boolean succeeded;
    private volatile long deadline = Long.MAX_VALUE;

    Op(Runner runner, Endpoint ep, String callId) {
        this.runner = runner;
        this.stats = runner.stats;
        this.ep = ep;
        this.callId = callId;
    }

    /** Sends the first request. */
    abstract void start();

    /** Handles a response whose Call-ID matches. */
    abstract void onResponse(SipMessage m);

    /** Where the op is, for failure reasons (e.g. "INVITE", "BYE"). */
    String phase() {
        return "";
    }

    /** Gives back what the op borrowed (e.g. its user), called once after it ended. */
    void released() {
    }

    final synchronized void begin() {
        startNanos = System.nanoTime();
        start();
    }

    final synchronized void response(SipMessage m) {
        if (!done) {
            onResponse(m);
        } else {
            stats.stray.increment();
        }
    }

    final synchronized void expireIfDue(long now) {
        if (!done && now - deadline > 0) {
            String p = phase();
            fail(p.isEmpty() ? "timeout" : "timeout " + p);
        }
    }

    /** Sends a request that expects a final answer within the transaction timeout. */
    final void sendRequest(String msg, InetSocketAddress to) {
        deadline = System.nanoTime() + runner.timeoutNanos;
        ep.send(msg, to);
    }

    /** Sends something that gets no answer (ACK). */
    final void sendNoAnswer(String msg, InetSocketAddress to) {
        ep.send(msg, to);
    }

    /** Expects the next step within {@code nanos} (e.g. a call that the server connects after prompts). */
    final void expectWithin(long nanos) {
        deadline = System.nanoTime() + nanos;
    }

    /** Stops the transaction timer, e.g. while a call is held before its BYE. */
    final void idle() {
        deadline = Long.MAX_VALUE;
    }

    final long elapsed() {
        return System.nanoTime() - startNanos;
    }

    final void succeed() {
        done = true;
        succeeded = true;
        runner.complete(this, null);
    }

    final void fail(String reason) {
        done = true;
        runner.complete(this, reason);
    }
}
