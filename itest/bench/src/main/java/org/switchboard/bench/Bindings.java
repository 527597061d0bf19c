package org.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registration phases around a measurement: bindings left by an earlier run point to sockets that are
 * gone, and a proxy forking INVITEs to them would spoil the call figures, so runs clean up after
 * themselves and the call bench also clears callees with {@code Contact: *} before registering them.
 */
final class Bindings {
    private Bindings() {
    }

    /**
     * Registers (expires > 0), removes own contact (expires 0) or clears all (wildcard), 50 at a time,
     * retrying failed users twice (setup is not what is measured). Returns true when all succeeded.
     */
    static boolean apply(Runner runner, List<User> users, int expires, boolean wildcard, String what) {
        long t0 = System.nanoTime();
        List<User> pending = users;
        Map<String, Long> reasons = Map.of();
        for (int attempt = 0; attempt < 3 && !pending.isEmpty(); attempt++) {
            runner.stats = new Stats();
            List<RegisterOp> ops = new ArrayList<>(pending.size());
            for (User u : pending) {
                ops.add(new RegisterOp(runner, u, x -> { }, expires, wildcard));
            }
            runner.runAll(new ArrayList<Op>(ops).iterator(), 50);
            reasons = runner.stats.reasons();
            List<User> failed = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (!ops.get(i).succeeded) {
                    failed.add(pending.get(i));
                }
            }
            pending = failed;
        }
        runner.stats = new Stats();
        System.out.printf(Locale.ROOT, "%s: %d/%d ok in %.1f s%s%n", what, users.size() - pending.size(),
                users.size(), (System.nanoTime() - t0) / 1e9, pending.isEmpty() ? "" : " (last failures: " + reasons + ")");
        return pending.isEmpty();
    }

    static List<User> users(Options o, int from, int to) {
        List<User> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new User(o.user(i), i));
        }
        return out;
    }
}
