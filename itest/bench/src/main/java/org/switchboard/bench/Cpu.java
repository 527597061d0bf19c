package org.switchboard.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CPU time of a process and of its threads by name, from /proc (Linux; clock ticks of 10 ms). */
final class Cpu {
    static final double TICK_S = 0.01; // USER_HZ is 100 on Linux

    private Cpu() {
    }

    /** utime + stime of a stat line, in ticks; -1 when unreadable. */
    static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long process(long pid) {
        return ticks(Path.of("/proc", pid < 0 ? "self" : Long.toString(pid), "stat"));
    }

    /** Ticks per thread name with digits folded ("media-io-0", "media-io-1" -> "media-io-#"). */
    static Map<String, Long> threads(long pid) {
        Map<String, Long> out = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : ds) {
                try {
                    String s = Files.readString(t.resolve("stat"));
                    String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    long v = ticks(t.resolve("stat"));
                    if (v >= 0) {
                        out.merge(name, v, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
