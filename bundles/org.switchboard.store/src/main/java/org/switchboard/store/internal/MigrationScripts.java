package org.switchboard.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders a plugin's migration scripts, {@code V<n>__<what>.sql}, by their version, and refuses a
 * series that a database could not follow: a gap, a duplicate version, or a name without one.
 */
final class MigrationScripts {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_.-]+\\.sql");

    private MigrationScripts() {
    }

    /**
     * @param names file names found in the series' folder
     * @return the names in version order, V1 first
     * @throws IllegalArgumentException naming the file and the fix
     */
    static List<String> ordered(Collection<String> names) {
        TreeMap<Integer, String> byVersion = new TreeMap<>();
        for (String name : names) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + name + "' is not named V<n>__<what>.sql: rename it, e.g. V1__tables.sql");
            }
            String before = byVersion.put(Integer.parseInt(m.group(1)), name);
            if (before != null) {
                throw new IllegalArgumentException("'" + before + "' and '" + name + "' have the same version: give each its own");
            }
        }
        int expected = 1;
        for (int v : byVersion.keySet()) {
            if (v != expected) {
                throw new IllegalArgumentException("version " + expected + " is missing (found V" + v + "): versions run 1, 2, 3... without gaps");
            }
            expected++;
        }
        return new ArrayList<>(byVersion.values());
    }
}
