package org.switchboard.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SIP core's packages depend on each other without a cycle (checked on the sources' imports). */
class PackageCyclesTest {
    private static final String ROOT = "org.switchboard.sip.internal";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.switchboard\\.sip\\.internal(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> deps = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/switchboard/sip/internal"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher p = PACKAGE.matcher(text);
                assertTrue(p.find(), f.toString());
                Set<String> out = deps.computeIfAbsent(p.group(1), k -> new HashSet<>());
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(p.group(1))) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> deps = graph();
        assertTrue(deps.containsKey(ROOT + ".proxy") && deps.containsKey(ROOT + ".app"), "the packages were found: " + deps.keySet());
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            path(start, start, deps, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles in the SIP core");
    }

    private static void path(String start, String at, Map<String, Set<String>> deps, List<String> trail, Set<String> seen,
            List<String> cycles) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", trail) + " -> " + start);
            } else if (seen.add(next)) {
                trail.add(next);
                path(start, next, deps, trail, seen, cycles);
                trail.remove(trail.size() - 1);
            }
        }
    }
}
