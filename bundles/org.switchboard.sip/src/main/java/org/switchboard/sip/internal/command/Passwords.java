package org.switchboard.sip.internal.command;

import java.security.SecureRandom;

/** Generated passwords for users created without one. */
final class Passwords {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A password to set, and whether it was generated (and so must be shown once). */
    record Chosen(String password, boolean generated) {
        /** Prints the generated password; a given one is never echoed. */
        void printIfGenerated() {
            if (generated) {
                System.out.println("Password: " + password);
            }
        }
    }

    /** @return the given password, or a generated one when none was given */
    static Chosen choose(String given) {
        return given == null || given.isEmpty() ? new Chosen(generate(), true) : new Chosen(given, false);
    }

    static String generate() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
