package org.switchboard.bench;

import java.util.concurrent.ThreadLocalRandom;

/** A SIP account of the bench, with the state a real phone keeps between REGISTERs. */
final class User {
    final String name;
    final int index; // picks the user's socket: its Contact stays the same from one REGISTER to the next
    final String registerCallId;
    int cseq = 1;
    Digest.Challenge challenge; // cached nonce (null until the first 401)
    int nc;
    String cnonce;

    User(String name, int index) {
        this.name = name;
        this.index = index;
        this.registerCallId = "reg-" + name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** Caches a new challenge: nc restarts at 1 with a new cnonce. */
    void newChallenge(Digest.Challenge c) {
        challenge = c;
        nc = 0;
        cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
