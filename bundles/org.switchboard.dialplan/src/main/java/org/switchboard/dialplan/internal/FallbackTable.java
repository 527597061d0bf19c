package org.switchboard.dialplan.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.dialplan.Fallback;

/**
 * The fallbacks of every user, as the factory configurations come and go. A user's own set
 * wins over the default ({@code user = *}); of two sets for one user, the first one bound
 * counts and the second is reported.
 */
final class FallbackTable {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackTable.class);

    private final List<UserFallbacks> sets = new CopyOnWriteArrayList<>();

    void add(UserFallbacks f) {
        sets.stream().filter(s -> s.set().user().equals(f.set().user())).findFirst().ifPresent(s -> LOG.warn(
                "{} and {} both set the fallbacks of user '{}'; {} is used. Fix: delete one of them",
                s.pid(), f.pid(), f.set().user(), s.pid()));
        sets.add(f);
    }

    void remove(UserFallbacks f) {
        sets.remove(f);
    }

    /** @return the fallbacks of that user, or the default ones, or none */
    List<Fallback> forUser(String user) {
        List<FallbackSet> all = all();
        for (String u : List.of(user, FallbackSet.ANY_USER)) {
            for (FallbackSet s : all) {
                if (s.user().equals(u)) {
                    return s.fallbacks();
                }
            }
        }
        return List.of();
    }

    /** @return every set, in binding order */
    List<FallbackSet> all() {
        return sets.stream().map(UserFallbacks::set).toList();
    }
}
