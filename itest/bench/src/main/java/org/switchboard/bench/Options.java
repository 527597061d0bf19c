package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Command-line options; see {@link Main#USAGE}. */
final class Options {
    String mode;
    String server = "127.0.0.1:5060";
    String domain;
    String users = "bench%04d";
    int first = 0;
    int count = 1000;
    String password = "bench";
    double rate = 1000;
    long durationMs = 20_000;
    long warmupMs = 2_000;
    int concurrency = 2000;
    /** register: leave the bindings in place at the end (for the kill -9 check). */
    boolean keep;
    int sockets = 2;
    long timeoutMs = 4_000;
    int expires = 3600;
    long holdMs = 0;
    long ringMs = 0;
    int callees = -1;
    double maxFailPct = 0.1;
    long intervalMs = 20;
    long waitMs = 180_000;
    // media modes (bridge, conference)
    String levels; // bridge: concurrent calls per step; conference: rooms per step ("50,100,200")
    int party = 10;
    String number; // bridge: the number that reaches the IVR (*800); conference: first room (8000)
    String dial = "1,7%04d#"; // bridge: DTMF typed after the answer; %04d = index of the callee user
    boolean srtp = true;
    long settleMs = 5_000;
    int senders = 1;
    int receivers = 2;
    long digitGapMs = 150;
    long setupTimeoutMs = 30_000;
    long serverPid = -1;
    double maxJitterMs = 10;
    boolean stopOnFail = true;
    double setupRate = 25;

    static Options parse(String[] args) throws IOException {
        Options o = new Options();
        if (args.length == 0) {
            throw new IllegalArgumentException("missing mode");
        }
        o.mode = args[0];
        List<String> a = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            if (i + 1 >= a.size()) {
                throw new IllegalArgumentException("option " + k + " needs a value");
            }
            String v = a.get(++i);
            switch (k) {
                case "--server": o.server = v; break;
                case "--domain": o.domain = v; break;
                case "--users": o.users = v; break;
                case "--first": o.first = Integer.parseInt(v); break;
                case "--count": o.count = Integer.parseInt(v); break;
                case "--password": o.password = v; break;
                case "--password-file": o.password = Files.readString(Path.of(v)).trim(); break;
                case "--rate": o.rate = Double.parseDouble(v); break;
                case "--duration": o.durationMs = millis(v, 1000); break;
                case "--warmup": o.warmupMs = millis(v, 1000); break;
                case "--concurrency": o.concurrency = Integer.parseInt(v); break;
                case "--keep": o.keep = Boolean.parseBoolean(v); break;
                case "--sockets": o.sockets = Integer.parseInt(v); break;
                case "--timeout": o.timeoutMs = millis(v, 1000); break;
                case "--expires": o.expires = Integer.parseInt(v); break;
                case "--hold": o.holdMs = millis(v, 1); break;
                case "--ring": o.ringMs = millis(v, 1); break;
                case "--callees": o.callees = Integer.parseInt(v); break;
                case "--max-fail-pct": o.maxFailPct = Double.parseDouble(v); break;
                case "--interval": o.intervalMs = millis(v, 1); break;
                case "--wait": o.waitMs = millis(v, 1000); break;
                case "--calls": case "--rooms": o.levels = v; break;
                case "--party": o.party = Integer.parseInt(v); break;
                case "--number": o.number = v; break;
                case "--dial": o.dial = v; break;
                case "--srtp": o.srtp = Boolean.parseBoolean(v) || "on".equals(v); break;
                case "--settle": o.settleMs = millis(v, 1000); break;
                case "--senders": o.senders = Integer.parseInt(v); break;
                case "--receivers": o.receivers = Integer.parseInt(v); break;
                case "--digit-gap": o.digitGapMs = millis(v, 1); break;
                case "--setup-timeout": o.setupTimeoutMs = millis(v, 1000); break;
                case "--server-pid": o.serverPid = Long.parseLong(v); break;
                case "--max-jitter-ms": o.maxJitterMs = Double.parseDouble(v); break;
                case "--max-loss-pct": o.maxFailPct = Double.parseDouble(v); break;
                case "--setup-rate": o.setupRate = Double.parseDouble(v); break;
                case "--stop-on-fail": o.stopOnFail = Boolean.parseBoolean(v); break;
                default: throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (o.domain == null) {
            o.domain = o.server.substring(0, o.server.lastIndexOf(':') < 0 ? o.server.length()
                    : o.server.lastIndexOf(':'));
        }
        if (o.rate <= 0 || o.count <= 0 || o.sockets <= 0 || o.concurrency <= 0) {
            throw new IllegalArgumentException("rate, count, sockets and concurrency must be > 0");
        }
        if (!o.serverAddress().getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the bench only targets loopback addresses: " + o.server);
        }
        return o;
    }

    /** "20" (in {@code unit} ms), "20s", "1500ms", "2m". */
    static long millis(String v, long unit) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Long.parseLong(s.substring(0, s.length() - 2));
        }
        if (s.endsWith("s")) {
            return (long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000);
        }
        if (s.endsWith("m")) {
            return (long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000);
        }
        return (long) (Double.parseDouble(s) * unit);
    }

    InetSocketAddress serverAddress() {
        return Sip.hostPort(server);
    }

    String user(int i) {
        return String.format(users, first + i);
    }
}
