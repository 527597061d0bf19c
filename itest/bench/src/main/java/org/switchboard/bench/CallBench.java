package org.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proxied calls/s. Users are split: the last {@code --callees} (default half) are callees, registered
 * first with a Contact on the bench's own sockets (answered by {@link Uas}); the others are callers.
 */
final class CallBench {
    private CallBench() {
    }

    static int run(Options o) throws Exception {
        int callees = o.callees > 0 ? o.callees : Math.max(1, o.count / 2);
        int callers = o.count - callees;
        if (callers < 1) {
            throw new IllegalArgumentException("--count must exceed --callees");
        }
        try (Runner runner = new Runner(o)) {
            List<User> calleeUsers = Bindings.users(o, callers, o.count);
            List<String> calleeNames = new ArrayList<>();
            calleeUsers.forEach(u -> calleeNames.add(u.name));
            Bindings.apply(runner, calleeUsers, 0, true, "clear old callee bindings (Contact: *)");
            if (!Bindings.apply(runner, calleeUsers, o.expires, false, "register callees")) {
                System.out.println("RESULT mode=calls pass=false error=callee-registration-failed");
                return 2;
            }
            Queue<User> idle = new ConcurrentLinkedQueue<>(Bindings.users(o, 0, callers));
            AtomicInteger turn = new AtomicInteger();
            Report.header(o, "calls", callers + " callers -> " + callees + " callees, hold " + o.holdMs + " ms");
            double seconds = runner.drive(() -> {
                User u = idle.poll();
                if (u == null) {
                    return null;
                }
                int t = turn.getAndIncrement();
                return new CallOp(runner, runner.endpoint(t), u, calleeNames.get(Math.floorMod(t, callees)),
                        idle::add);
            }, o.rate, o.warmupMs * 1_000_000L, o.durationMs * 1_000_000L, Math.min(o.concurrency, callers));
            Stats measured = runner.stats;
            Bindings.apply(runner, calleeUsers, 0, false, "unregister callees (Expires: 0)");
            return Report.print(o, "calls", runner, measured, seconds, "call INVITE->200", "call setup+teardown");
        }
    }
}
