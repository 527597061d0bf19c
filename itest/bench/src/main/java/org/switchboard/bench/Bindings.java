package org.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Registration phases around a measurement: bindings left by an earlier run point to sockets that are
 * gone, and a proxy forking INVITEs to them would spoil the call figures, so runs clean up after
 * themselves and the call bench also clears callees with {@code Contact: *} before registering them.
 */
final class Bindings {
    private Bindings() {
    }

    /** Registers (expires > 0), removes own contact (expires 0) or clears all (wildcard). */
    static boolean apply(Runner runner, List<User> users, int expires, boolean wildcard, String what) {
        runner.stats = new Stats();
        List<Op> ops = new ArrayList<>(users.size());
        for (User u : users) {
            ops.add(new RegisterOp(runner, u, x -> { }, expires, wildcard));
        }
        long t0 = System.nanoTime();
        runner.runAll(ops.iterator(), 200);
        Stats s = runner.stats;
        long failed = users.size() - s.ok.sum();
        System.out.printf(Locale.ROOT, "%s: %d/%d ok in %.1f s%s%n", what, s.ok.sum(), users.size(),
                (System.nanoTime() - t0) / 1e9, failed == 0 ? "" : " (failed: " + s.reasons() + ")");
        runner.stats = new Stats();
        return failed == 0;
    }

    static List<User> users(Options o, int from, int to) {
        List<User> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new User(o.user(i), i));
        }
        return out;
    }
}
