package org.switchboard.bench;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Authenticated REGISTER/s: all users register in turn, at most one REGISTER in flight per user. */
final class RegisterBench {
    private RegisterBench() {
    }

    static int run(Options o) throws Exception {
        try (Runner runner = new Runner(o)) {
            List<User> users = Bindings.users(o, 0, o.count);
            Queue<User> idle = new ConcurrentLinkedQueue<>(users);
            Report.header(o, "register", o.count + " users, one REGISTER in flight per user");
            double seconds = runner.drive(() -> {
                User u = idle.poll();
                return u == null ? null : new RegisterOp(runner, u, idle::add, o.expires, false);
            }, o.rate, o.warmupMs * 1_000_000L, o.durationMs * 1_000_000L, Math.min(o.concurrency, o.count));
            Stats measured = runner.stats;
            if (!o.keep) {
                Bindings.apply(runner, users, 0, false, "unregister users (Expires: 0)");
            }
            return Report.print(o, "register", runner, measured, seconds, "register");
        }
    }
}
