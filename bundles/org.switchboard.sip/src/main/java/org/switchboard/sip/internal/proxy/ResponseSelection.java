package org.switchboard.sip.internal.proxy;

import java.util.List;

/** Picks the final response a forking proxy sends upstream (RFC 3261 section 16.7 step 6). */
public final class ResponseSelection {
    private ResponseSelection() {
    }

    /**
     * @param statuses the final (>= 300) statuses of every branch, in the order they came
     * @return the index of the best one: any 6xx, else the lowest class (3xx before 4xx
     *     before 5xx), the first received within a class; -1 if the list is empty
     */
    public static int best(List<Integer> statuses) {
        int best = -1;
        for (int i = 0; i < statuses.size(); i++) {
            if (best < 0 || rank(statuses.get(i)) < rank(statuses.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static int rank(int status) {
        int cls = status / 100;
        return cls == 6 ? 0 : cls;
    }

    /** A 503 from downstream must not tell upstream that this proxy is overloaded (16.7 step 6). */
    public static int upstreamStatus(int status) {
        return status == 503 ? 500 : status;
    }
}
