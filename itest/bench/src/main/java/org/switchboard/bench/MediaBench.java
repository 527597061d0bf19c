package org.switchboard.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent calls with media through the platform, in steps ({@code --calls} or {@code --rooms}):
 * each step adds calls up to the level, lets them settle, then measures for {@code --duration}: RFC 3550
 * jitter and loss of every received stream, end-to-end loss and delay of tagged frames, the server's
 * CPU (from /proc/PID/stat) and the generator's. It stops after the first step over the limits.
 *
 * <p>{@code bridge}: caller i (user i, SDES-SRTP unless {@code --srtp false}) calls {@code --number}
 * (the IVR), types {@code --dial} as SIP INFO digits; the IVR's connect() calls callee i (a user
 * registered on the bench) with plain RTP and bridges the legs (an anchored B2BUA call). Both legs
 * send tagged frames; each should come out of the other leg.
 *
 * <p>{@code conference}: rooms of {@code --party} participants (rooms {@code --number}, +1, ...). The
 * first participant of a room talks (tagged frames), the others send silence, so the mix they hear is
 * exactly the talker's frames.
 */
final class MediaBench {
    private final Options o;
    private final boolean bridge;
    private final Runner runner;
    private final MediaIo io;
    private final MediaUas uas;
    private final List<MediaCallOp> up = new ArrayList<>();
    private final List<MediaCallOp> pending = new ArrayList<>();
    private int nextIndex;
    private long setupFailures;

    private MediaBench(Options o, boolean bridge, Runner runner, MediaIo io) {
        this.o = o;
        this.bridge = bridge;
        this.runner = runner;
        this.io = io;
        this.uas = new MediaUas(io);
        runner.requests = uas;
    }

    static int run(Options o, boolean bridge) throws Exception {
        if (o.levels == null) {
            throw new IllegalArgumentException(bridge ? "--calls LIST is required" : "--rooms LIST is required");
        }
        List<Integer> levels = new ArrayList<>();
        for (String s : o.levels.split(",")) {
            levels.add(Integer.parseInt(s.trim()));
        }
        if (o.number == null) {
            o.number = bridge ? "*800" : "8000";
        }
        int maxLevel = levels.stream().mapToInt(Integer::intValue).max().orElse(0);
        int callers = bridge ? maxLevel : maxLevel * o.party;
        if (bridge && o.count < 2 * maxLevel || !bridge && o.count < callers) {
            throw new IllegalArgumentException("--count " + o.count + " users are too few for " + maxLevel
                    + (bridge ? " calls (2 users per call)" : " rooms of " + o.party));
        }
        try (Runner runner = new Runner(o); MediaIo io = new MediaIo(o.srtp, o.senders, o.receivers)) {
            MediaBench b = new MediaBench(o, bridge, runner, io);
            return b.steps(levels);
        }
    }

    private int calleeIndex(int i) {
        return o.count / 2 + i;
    }

    private int steps(List<Integer> levels) throws IOException {
        List<User> callees = bridge ? Bindings.users(o, o.count / 2, o.count / 2 + max(levels)) : List.of();
        if (bridge) {
            Bindings.apply(runner, callees, 0, true, "clear old callee bindings (Contact: *)");
            if (!Bindings.apply(runner, callees, o.expires, false, "register callees")) {
                System.out.println("RESULT mode=bridge pass=false error=callee-registration-failed");
                return 2;
            }
        }
        String unit = bridge ? "calls" : "rooms";
        System.out.printf(Locale.ROOT, "== %s: %s %s; %s; %.1f s measured per step after %.1f s settling; limits:"
                        + " jitter p99 < %.1f ms, loss < %.2f %%; server pid %d; host %d cores%n",
                bridge ? "bridge" : "conference", unit, o.levels,
                bridge ? "caller legs " + (o.srtp ? "SDES-SRTP" : "RTP") + " -> " + o.number + " (dial " + o.dial
                        + ") -> callee legs RTP" : o.party + " participants per room from " + o.number + ", legs "
                        + (o.srtp ? "SDES-SRTP" : "RTP"),
                o.durationMs / 1e3, o.settleMs / 1e3, o.maxJitterMs, o.maxFailPct, o.serverPid,
                Runtime.getRuntime().availableProcessors());
        String best = null;
        int exit = 2;
        for (int level : levels) {
            int target = bridge ? level : level * o.party;
            long t0 = System.nanoTime();
            long failedBefore = setupFailures;
            grow(target);
            double setupS = (System.nanoTime() - t0) / 1e9;
            sleep(o.settleMs);
            String line = measure(level, setupS, setupFailures - failedBefore);
            boolean pass = line.endsWith("pass=true");
            if (pass) {
                best = line;
                exit = 0;
            } else if (o.stopOnFail) {
                break;
            }
        }
        teardown();
        if (bridge) {
            Bindings.apply(runner, callees, 0, false, "unregister callees (Expires: 0)");
        }
        System.out.println(best == null ? "RESULT mode=" + (bridge ? "bridge" : "conference") + " pass=false"
                : best.replaceFirst("^STEP", "RESULT"));
        return exit;
    }

    private static int max(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Starts calls at --setup-rate until {@code target} are up (failed ones are replaced, within limits). */
    private void grow(int target) throws IOException {
        long interval = (long) (1e9 / o.setupRate);
        long next = System.nanoTime();
        int attempts = 0;
        while (true) {
            collectPending();
            int have = up.size() + pending.size();
            if (up.size() >= target || attempts > 2 * target + 20) {
                break;
            }
            long now = System.nanoTime();
            if (have < target && now - next >= 0 && runner.inFlight() < o.concurrency) {
                startCall();
                attempts++;
                next += interval;
                if (now - next > 1_000_000_000L) {
                    next = now;
                }
            } else if (have >= target && pending.isEmpty()) {
                break;
            } else {
                LockSupport.parkNanos(2_000_000);
            }
        }
    }

    private void collectPending() {
        for (int i = pending.size() - 1; i >= 0; i--) {
            MediaCallOp op = pending.get(i);
            if (!runner.isOpen(op)) {
                pending.remove(i);
                if (op.succeeded) {
                    up.add(op);
                } else {
                    setupFailures++;
                    op.leg.close();
                    if (op.calleeLeg != null) {
                        op.calleeLeg.close();
                    }
                    uas.waiting.remove(op.calleeName == null ? "" : op.calleeName);
                    uas.callers.remove(op.callId);
                }
            }
        }
    }

    private void startCall() throws IOException {
        int i = nextIndex++;
        MediaCallOp op;
        if (bridge) {
            int callee = calleeIndex(i % (o.count / 2));
            String digits = o.dial.replace(",", "").replace(" ", "");
            digits = String.format(Locale.ROOT, digits, o.first + callee);
            RtpLeg leg = new RtpLeg("a" + i, true);
            op = new MediaCallOp(runner, runner.endpoint(i), io, new User(o.user(i % (o.count / 2)), i), o.number,
                    digits, o.user(callee), leg, o.digitGapMs, o.setupTimeoutMs);
            uas.waiting.put(op.calleeName, op);
        } else {
            int room = i / o.party;
            boolean talker = i % o.party == 0;
            RtpLeg leg = new RtpLeg("p" + i, talker);
            if (!talker) {
                MediaCallOp first = findTalker(i - i % o.party);
                leg.peer = first == null ? null : first.leg;
            }
            String number = o.number.matches("[0-9]+") ? Long.toString(Long.parseLong(o.number) + room) : o.number;
            op = new MediaCallOp(runner, runner.endpoint(i), io, new User(o.user(i % o.count), i), number, "", null,
                    leg, o.digitGapMs, o.setupTimeoutMs);
        }
        uas.callers.put(op.callId, op);
        pending.add(op);
        runner.launch(op, true);
    }

    private MediaCallOp findTalker(int index) {
        String name = "p" + index;
        for (MediaCallOp op : up) {
            if (op.leg.name.equals(name)) {
                return op;
            }
        }
        for (MediaCallOp op : pending) {
            if (op.leg.name.equals(name)) {
                return op;
            }
        }
        return null;
    }

    private List<RtpLeg> legs() {
        List<RtpLeg> out = new ArrayList<>();
        for (MediaCallOp op : up) {
            if (!op.ended) {
                out.add(op.leg);
                if (op.calleeLeg != null && !op.calleeLeg.closed) {
                    out.add(op.calleeLeg);
                }
            }
        }
        return out;
    }

    private String measure(int level, double setupS, long failures) {
        RtpStats s = new RtpStats();
        io.stats(s);
        List<RtpLeg> legs = legs();
        legs.forEach(RtpLeg::mark);
        long srv0 = o.serverPid > 0 ? Cpu.process(o.serverPid) : -1;
        Map<String, Long> thr0 = o.serverPid > 0 ? Cpu.threads(o.serverPid) : Map.of();
        long own0 = Cpu.process(-1);
        long drops0 = UdpDrops.host();
        long auth0 = legs.stream().mapToLong(l -> l.authFailures).sum();
        long byes0 = uas.serverByes.sum();
        String load0 = Cpu.loadAverage();
        long start = System.nanoTime();
        s.measuring = true;
        for (long t = 1; t * 1000 <= o.durationMs; t++) {
            long due = start + t * 1_000_000_000L;
            while (System.nanoTime() - due < 0) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            for (RtpLeg l : legs) {
                if (!l.closed) {
                    s.jitter.record((long) (l.jitterMs() * 1e6));
                }
            }
        }
        s.measuring = false;
        double secs = (System.nanoTime() - start) / 1e9;
        long srv1 = o.serverPid > 0 ? Cpu.process(o.serverPid) : -1;
        Map<String, Long> thr1 = o.serverPid > 0 ? Cpu.threads(o.serverPid) : Map.of();
        long own1 = Cpu.process(-1);
        String load1 = Cpu.loadAverage();
        for (RtpLeg l : legs) {
            l.collect(s);
        }
        long auth = legs.stream().mapToLong(l -> l.authFailures).sum() - auth0;
        long drops = UdpDrops.host() - drops0;
        long sendErr = legs.stream().mapToLong(l -> l.sendErrors).sum();
        double srvCores = srv0 < 0 || srv1 < 0 ? Double.NaN : (srv1 - srv0) * Cpu.TICK_S / secs;
        double ownCores = (own1 - own0) * Cpu.TICK_S / secs;
        int calls = bridge ? up.size() : up.size(); // bridge: calls; conference: participants
        double perCallPct = 100 * srvCores / Math.max(1, calls);
        double jp50 = s.jitter.percentileMs(0.5);
        double jp99 = s.jitter.percentileMs(0.99);
        double jmax = s.jitter.percentileMs(1.0);
        double seqLoss = s.seqLossPct();
        double tagLoss = s.tagLossPct();
        boolean pass = up.size() >= (bridge ? level : level * o.party) && jp99 < o.maxJitterMs
                && seqLoss < o.maxFailPct && tagLoss < o.maxFailPct && s.deadLegs == 0;
        String what = bridge ? level + " bridged calls (" + legs.size() + " legs)"
                : level + " rooms x " + o.party + " (" + legs.size() + " legs)";
        System.out.printf(Locale.ROOT, "-- step: %s up after %.1f s, setup failures %d (total %d), calls hung up by"
                + " the server during the window %d%n", what, setupS, failures, setupFailures, uas.serverByes.sum() - byes0);
        System.out.printf(Locale.ROOT, "   jitter (RFC 3550, every leg once a second)  p50 %.2f ms  p99 %.2f ms  max %.2f ms"
                + "  (n=%d)%n", jp50, jp99, jmax, s.jitter.count());
        System.out.printf(Locale.ROOT, "   loss   by RTP sequence %.4f %% (%d of %d)   end-to-end frames %.4f %% (%d of %d)"
                + "   dead legs %d, legs without the peer's frames %d, SRTP auth failures %d%n", seqLoss, s.seqLost,
                s.seqExpected, tagLoss, s.tagLost, s.tagExpected, s.deadLegs, s.silentLegs, auth);
        System.out.printf(Locale.ROOT, "   delay  end-to-end (peer's send -> here, through the server)  p50 %.1f ms  p99 %.1f"
                + " ms  max %.1f ms%n", s.delay.percentileMs(0.5), s.delay.percentileMs(0.99), s.delay.percentileMs(1.0));
        System.out.printf(Locale.ROOT, "   server cpu %.2f cores = %.3f %% of a core per %s; generator cpu %.2f cores, send"
                + " lateness p50 %.2f / p99 %.2f ms, frames sent > 40 ms late %.3f %%; udp receive-buffer drops %d;"
                + " send errors %d%n", srvCores, perCallPct, bridge ? "call" : "participant", ownCores,
                s.lateness.percentileMs(0.5), s.lateness.percentileMs(0.99), s.lateSentPct(), drops, sendErr);
        if (!thr1.isEmpty()) {
            StringBuilder sb = new StringBuilder("   server threads (cores):");
            thr1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (e.getValue() - thr0.getOrDefault(e.getKey(), 0L)) * Cpu.TICK_S / secs))
                    .filter(e -> e.getValue() >= 0.01)
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(8)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue())));
            System.out.println(sb);
        }
        System.out.printf(Locale.ROOT, "   load average %s -> %s%n", load0, load1);
        String line = String.format(Locale.ROOT, "STEP mode=%s %s=%d legs=%d jitter_p50_ms=%.2f jitter_p99_ms=%.2f"
                        + " jitter_max_ms=%.2f seq_loss_pct=%.4f e2e_loss_pct=%.4f delay_p50_ms=%.1f delay_p99_ms=%.1f"
                        + " server_cores=%.2f server_pct_per_%s=%.3f generator_cores=%.2f generator_late_pct=%.3f"
                        + " setup_failures=%d load=%s pass=%s",
                bridge ? "bridge" : "conference", bridge ? "calls" : "rooms", level, legs.size(), jp50, jp99, jmax,
                seqLoss, tagLoss, s.delay.percentileMs(0.5), s.delay.percentileMs(0.99), srvCores,
                bridge ? "call" : "participant", perCallPct, ownCores, s.lateSentPct(), failures, load1.split(" ")[0],
                pass);
        System.out.println(line);
        return line;
    }

    private void teardown() {
        long t0 = System.nanoTime();
        collectPending();
        int n = 0;
        long interval = (long) (1e9 / Math.max(o.setupRate, 100));
        long next = System.nanoTime();
        for (MediaCallOp op : up) {
            uas.callers.remove(op.callId);
            if (!op.ended && op.dialog != null) {
                while (System.nanoTime() - next < 0) {
                    LockSupport.parkNanos(1_000_000);
                }
                next += interval;
                runner.launch(op.hangup(), false);
                n++;
            }
        }
        runner.drain();
        sleep(500);
        for (MediaCallOp op : up) {
            op.leg.close();
            if (op.calleeLeg != null) {
                op.calleeLeg.close();
            }
        }
        System.out.printf(Locale.ROOT, "hung up %d calls in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        up.clear();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
